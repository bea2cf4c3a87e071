// The Demoshire Strategic Plan 2022–2026: five outcomes and their themes (invented for the demo).
import type { DemoPlan } from './types.js';

export const DEMO_PLAN: DemoPlan = {
  title: 'Demoshire Strategic Plan 2022–2026',
  startDate: '2022-04-01',
  endDate: '2026-03-31',
  outcomes: [
    {
      title: 'A Thriving and Fair Economy',
      summary: 'Good jobs within reach of every resident, skills that match what local employers need, lively market towns and fast, reliable connections for homes and businesses.',
      owner: 'officer',
      themes: [
        { title: 'Jobs and Skills', summary: 'Helping residents into work and into better work, and helping employers find the people they need.' },
        { title: 'Market Towns and High Streets', summary: 'Keeping town centres busy, attractive and worth the trip.' },
        { title: 'Digital Connectivity', summary: 'Gigabit broadband and mobile coverage for rural communities as well as towns.' },
      ],
    },
    {
      title: 'Safe and Well-Connected Places',
      summary: 'Roads and pavements in good repair, fewer people hurt on them, and buses, walking and cycling that are real choices for everyday journeys.',
      owner: 'officer',
      themes: [
        { title: 'Roads and Highways', summary: 'Maintaining and improving the county road network.' },
        { title: 'Road Safety', summary: 'Fewer people killed or seriously injured on Demoshire roads.' },
        { title: 'Buses, Walking and Cycling', summary: 'Affordable, frequent buses and safe routes for walking and cycling.' },
      ],
    },
    {
      title: 'The Best Start for Every Child',
      summary: 'Children and young people are safe, learn well and get the right help early, including those with special educational needs and disabilities.',
      owner: 'officer',
      themes: [
        { title: 'Early Years and Schools', summary: 'Enough good school and nursery places close to home.' },
        { title: "Children's Social Care", summary: 'Keeping children safe and helping families stay together where that is right.' },
        { title: 'Special Educational Needs and Disabilities', summary: 'Timely assessments and support close to home for children with SEND.' },
      ],
    },
    {
      title: 'Healthy and Independent Lives',
      summary: 'People stay well for longer, live independently in their own homes and get good care and support when they need it.',
      owner: 'officer',
      themes: [
        { title: 'Adult Social Care', summary: 'Care and support that helps people live as independently as possible.' },
        { title: 'Public Health', summary: 'Preventing ill health and narrowing the gaps in health between communities.' },
        { title: 'Carers', summary: 'Recognising and supporting unpaid carers.' },
      ],
    },
    {
      title: 'A Cleaner, Greener Demoshire',
      summary: 'A council on track to net zero, less waste and more recycling, and a countryside richer in wildlife and open to everyone.',
      owner: 'contributor',
      themes: [
        { title: 'Net Zero and Climate', summary: "Cutting the council's own emissions and helping the county adapt." },
        { title: 'Waste and Recycling', summary: 'Less waste, more reuse and recycling.' },
        { title: 'Countryside and Nature', summary: 'More trees, richer habitats and well-used country parks.' },
      ],
    },
  ],
};

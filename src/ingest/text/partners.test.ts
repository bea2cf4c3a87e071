import { describe, expect, it } from 'vitest';
import { findPartners } from './partners.js';

const names = (text: string) => findPartners(text).map((p) => p.name);

describe('findPartners', () => {
  it('finds names after partnership phrases, whatever their case', () => {
    expect(names('Worked with Solar Together to provide panels.')).toEqual(['Solar Together']);
    expect(names('Our partnership with local wildlife charity, Nature Spot, continues.')).toEqual(['Nature Spot']);
    expect(names('delivered in partnership with the Council and LRP, led by Vista')).toEqual(['LRP', 'Vista']);
    expect(names('Worked closely with the ICB on the development of hubs')).toEqual(['ICB']);
    expect(names('a joint project with the CCGs and City YOS has')).toEqual(['CCGs', 'City YOS']);
    expect(names('Bus operator Arriva began providing the service')).toEqual(['Arriva']);
    expect(names('the police and four district councils have also funded LRS to run a pilot')).toEqual(['LRS']);
    expect(names('was given a silver award from Sustainable Food Places.')).toEqual(['Sustainable Food Places']);
    expect(names('through a £12m allocation from the LLEP’s Local Growth Fund')).toEqual(['LLEP']);
    expect(names('several national campaigns by Material Focus, such as')).toEqual(['Material Focus']);
  });

  it('splits lists of partners but keeps a shared head word together', () => {
    expect(names('working with EMH Group, Waterloo Housing Group and Nottingham Community Housing Association')).toEqual([
      'EMH Group', 'Waterloo Housing Group', 'Nottingham Community Housing Association',
    ]);
    expect(names('research with Loughborough and Nottingham Universities')).toEqual(['Loughborough and Nottingham Universities']);
  });

  it('finds organisations by their form anywhere: NHS bodies, Trusts, universities, agencies, companies', () => {
    expect(names('an integrated discharge team at University Hospitals of Leicester')).toEqual(['University Hospitals of Leicester']);
    expect(names('The schools, all part of Learn Academies Trust (Learn-AT), kept running')).toEqual(['Learn Academies Trust']);
    expect(names('Secured £77,000 from Natural England for Swift conservation')).toEqual(['Natural England']);
    expect(names('submitted to the Department for Transport, as part of a fund')).toEqual(['Department for Transport']);
    expect(names('through the Home Office\'s Youth Endowment Fund')).toEqual(['Home Office']);
    expect(names('Supported the Create Growth East Midlands Consortium to benefit businesses')).toEqual(['Create Growth East Midlands Consortium']);
    expect(names('the Local Resilience Forum - LLR Prepared – has coordinated')).toEqual(['Local Resilience Forum']);
  });

  it('leaves out the council itself, regulators, generic bodies, own services, statuses and internal groups', () => {
    for (const text of [
      'Leicestershire County Council agreed the budget.',
      'rated as outstanding by Ofsted.',
      'working closely with the County and City Councils',
      'the Council together with the District Councils',
      'Our Adult Learning Service offered courses.',
      'to become a Local Visitor Economy Partnership',
      'supported by a Tactical Coordination Group',
      'The Record Office for Leicestershire, Leicester and Rutland retained its status',
      'Launching a new Cultural Youth Forum and a project',
      'In May 2019 we launched it.',
    ]) expect(names(text), text).toEqual([]);
  });

  it('gives offsets into the text', () => {
    const text = 'Worked closely with the ICB and Natural England.';
    for (const p of findPartners(text)) expect(text.slice(p.start, p.end)).toBe(p.name);
  });
});

import { describe, expect, it } from 'vitest';
import { buildGazetteer, discoverPlaceNames, findPlaces } from './places.js';

// A few reference areas as the areas table holds them (full council names; the short name is optional).
const AREAS = [
  { code: 'E10000018', name: 'Leicestershire County Council', type: 'county' },
  { code: 'E06000016', name: 'Leicester City Council', type: 'unitary' },
  { code: 'E07000133', name: 'Melton Borough Council', type: 'district' },
  { code: 'E07000132', name: 'Hinckley and Bosworth Borough Council', type: 'district' },
  { code: 'E07000134', name: 'North West Leicestershire District Council', type: 'district' },
  { code: 'E07000131', name: 'Harborough District Council', type: 'district' },
  { code: 'E07000130', name: 'Charnwood Borough Council', type: 'district' },
  { code: 'E06000038', name: 'Reading Borough Council', type: 'unitary' },
  { code: 'E12000004', name: 'East Midlands', type: 'region', shortName: 'East Midlands' },
  { code: 'E92000001', name: 'England', type: 'nation' },
];
const g = buildGazetteer(AREAS);
const names = (text: string, gaz = g) => findPlaces(text, gaz).map((p) => p.name);

describe('buildGazetteer and findPlaces', () => {
  it('finds reference areas by their short names, with their codes and offsets', () => {
    const text = 'Residents in Leicestershire and Leicester, across Melton and Charnwood.';
    const found = findPlaces(text, g);
    expect(found.map((p) => [p.name, p.areaCode])).toEqual([
      ['Leicestershire', 'E10000018'], ['Leicester', 'E06000016'], ['Melton', 'E07000133'], ['Charnwood', 'E07000130'],
    ]);
    for (const p of found) expect(text.slice(p.start, p.end)).toBe(p.name);
  });

  it('matches multi-word areas and their spelling variants to one name', () => {
    expect(names('in Hinckley and Bosworth and in Hinckley & Bosworth')).toEqual(['Hinckley and Bosworth', 'Hinckley and Bosworth']);
    expect(names('a pilot hub in Northwest Leicestershire and a school in North-West Leicestershire')).toEqual(['North West Leicestershire', 'North West Leicestershire']);
    expect(names('support across the East Midlands')).toEqual(['East Midlands']);
  });

  it('ignores councils and other organisations named after a place', () => {
    for (const text of [
      'Leicestershire County Council agreed the plan.',
      'Harborough District Council’s planning committee',
      'the Leicestershire Business Advisory Service',
      'improvements around Rugby Road',
      'a grant from Natural England',
      'the Leicester and Leicestershire Enterprise Partnership (LLEP)',
      'Our Work and Skills Leicestershire project offers',
      'called the Leicestershire International Gateway.',
      'Invest in Leicester and Visit Leicester',
      'work with partner Charnwood Arts',
    ]) expect(names(text), text).toEqual([]);
  });

  it('keeps a possessive and a place opening a sentence', () => {
    expect(names('Produced Leicestershire’s first Maternity Strategy. Leicestershire residents took part.')).toEqual(['Leicestershire', 'Leicestershire']);
  });

  it('needs a locative word before a place name that is also an ordinary word', () => {
    expect(names('The Summer Reading Challenge grew.')).toEqual([]);
    expect(names('Reading is fun for children.')).toEqual([]);
    expect(names('a new office in Reading')).toEqual(['Reading']);
  });

  it('finds extra names (towns) without an area code, longest first', () => {
    const gaz = buildGazetteer(AREAS, ['Melton Mowbray', 'Ashby-de-la-Zouch', 'Coalville']);
    expect(findPlaces('the Melton Mowbray distributor road and Melton', gaz).map((p) => [p.name, p.areaCode])).toEqual([
      ['Melton Mowbray', null], ['Melton', 'E07000133'],
    ]);
    expect(names('a school in Ashby-de-la-Zouch and Coalville', gaz)).toEqual(['Ashby-de-la-Zouch', 'Coalville']);
    // Particles in either case: a name discovered as "Ashby-De-La-Zouch" also finds "Ashby-de-la-Zouch".
    expect(names('in Ashby-de-la-Zouch', buildGazetteer(AREAS, ['Ashby-De-La-Zouch']))).toEqual(['Ashby-De-La-Zouch']);
  });
});

describe('discoverPlaceNames', () => {
  it('finds towns and villages after "in", "at", "near" and in lists', () => {
    const text = 'A new park opened in Coalville. Work at Melton Mowbray continued. The gas outage in Ratby and Kirby Muxloe. Restoration in Watermead Park and Broughton Astley. A site near Lutterworth.';
    expect(discoverPlaceNames(text, g)).toEqual(['Coalville', 'Melton Mowbray', 'Ratby', 'Kirby Muxloe', 'Broughton Astley', 'Lutterworth']);
  });

  it('finds a town after a facility and a comma, and a known place with a second name', () => {
    expect(discoverPlaceNames('Apollo Court Business Park, Coalville - opened. Road improvements around Rugby Road, Hinckley in 2023.', g)).toEqual(['Coalville', 'Hinckley']);
    expect(discoverPlaceNames('Work on the north and east Melton Mowbray distributor road.', g)).toEqual(['Melton Mowbray']);
  });

  it('does not take names, facilities, months, common nouns or known areas for new towns', () => {
    const text = 'Children in Care were helped in September. Family Friendly Spaces in Libraries. Events at Beaumanor Hall and in Leicestershire Holidays Together. Services in Leicestershire and at Home. Groups in Need.';
    expect(discoverPlaceNames(text, g)).toEqual([]);
  });
});

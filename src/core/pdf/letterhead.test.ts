import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../testing/pdf-inspection';
import { resourceFilePath } from '../resource-files';
import { issuingOffice, parseLetterhead } from './letterhead';
import { renderPdf, writeParagraph } from '.';

const resource = JSON.parse(readFileSync(resourceFilePath('letterhead/letterhead.json'), 'utf8')) as {
  university: string;
  unit: string;
  address: string[];
  email: string;
  website: string;
};

describe('letterhead (resources/letterhead/letterhead.json)', () => {
  it('prints the university, office, address, e-mail and website of the resource file at the top of the page', async () => {
    expect(issuingOffice).toEqual(resource);
    const pdf = await renderPdf(
      {
        title: 'Letterhead test',
        subject: 'Letterhead',
        author: `${issuingOffice.signature}, ${issuingOffice.university}`,
        createdAt: new Date('2022-11-10T09:00:00.000Z'),
        footer: { reference: 'TEST-0002' },
      },
      (doc) => writeParagraph(doc, 'Body text below the letterhead.'),
    );
    const read = inspectPdf(pdf);
    const lines = read.pages[0]
      .split('\n')
      .map((l) => l.trim().replace(/\s+/g, ' '))
      .filter(Boolean);
    for (const line of [...resource.address, resource.email, resource.website]) {
      expect(lines.some((l) => l.endsWith(line))).toBe(true);
    }
    expect(read.flatText).toContain(resource.university);
    expect(read.flatText).toContain(resource.unit);
    // The street line sits above the body text: it is drawn in the letterhead, not the content.
    const street = read.words.find((w) => w.text === resource.address[0].split(' ')[0]);
    const body = read.words.find((w) => w.text === 'Body');
    expect(street).toBeDefined();
    expect(street!.yMin).toBeLessThan(body!.yMin);
  });

  it('refuses letterhead data with an empty address line, naming the field', () => {
    const invalid = { ...resource, address: [resource.address[0], '  '] };
    expect(() => parseLetterhead(invalid)).toThrow(
      /letterhead in resources\/letterhead\/letterhead\.json is invalid: address\.1: must not be empty/,
    );
  });

  it('refuses letterhead data with a missing university, a bad e-mail and a website with a scheme, naming each field', () => {
    const { university: _dropped, ...rest } = resource;
    const invalid = { ...rest, email: 'study-at-maastricht', website: 'https://www.maastrichtuniversity.nl' };
    let message = '';
    try {
      parseLetterhead(invalid, 'test.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^The letterhead in test\.json is invalid: /);
    expect(message).toMatch(/university: /);
    expect(message).toMatch(/email: /);
    expect(message).toMatch(/website: must be a host name/);
  });

  it('refuses an unknown field (a typo would otherwise be ignored silently)', () => {
    expect(() => parseLetterhead({ ...resource, adress: ['x'] })).toThrow(/adress/);
  });
});

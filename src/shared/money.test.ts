import { describe, expect, it } from 'vitest';
import { formatCents } from './money';

describe('formatCents', () => {
  it('shows integer cents as euros with two decimals', () => {
    expect(formatCents(110500).replace(/\s/g, ' ')).toMatch(/^€ ?1,105\.00$/);
    expect(formatCents(536667).replace(/\s/g, ' ')).toMatch(/^€ ?5,366\.67$/);
    expect(formatCents(0).replace(/\s/g, ' ')).toMatch(/^€ ?0\.00$/);
  });
});

/** Every ISO 3166-1 alpha-2 region the browser can name, as picker options sorted by name. */
export function countryOptions(locale = 'en-GB'): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const options: { value: string; label: string }[] = [];
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      // Private-use, grouping and withdrawn codes (AA, QM–QZ, XA–XZ, ZZ, EU, UN, East Germany, Yugoslavia …) are not countries today.
      if (/^(AA|Q[M-Z]|X[A-Z]|ZZ|EU|EZ|UN|DD|YU|CS|SU|ZR|TP|BU|AN|FX|NT)$/.test(code)) continue;
      const name = names.of(code);
      if (name) options.push({ value: code, label: `${name} (${code})` });
    }
  }
  return options.sort((a, b) => a.label.localeCompare(b.label, locale));
}

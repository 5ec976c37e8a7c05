import { countSegments, KLAVIYO_MAX_SMS_CHARACTERS } from '../../../src/sms/segments';

describe('countSegments', () => {
  it('counts an empty message as no segment with a full first segment left', () => {
    expect(countSegments('')).toEqual({
      encoding: 'GSM-7',
      characters: 0,
      units: 0,
      segments: 0,
      remainingInSegment: 160,
      tooLong: false,
    });
  });

  it('fits 160 plain characters in one GSM-7 segment and splits 161 into two of 153', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({
      encoding: 'GSM-7',
      segments: 1,
      remainingInSegment: 0,
    });
    expect(countSegments('a'.repeat(161))).toMatchObject({
      segments: 2,
      units: 161,
      remainingInSegment: 145,
    });
    expect(countSegments('a'.repeat(306))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(countSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('keeps accented letters, Greek capitals and line breaks of the GSM table in GSM-7', () => {
    const gsm = 'Hej Åsa! Ça va? ÄÖÜäöüñà é ΔΦΓΛΩΠΨΣΘΞ @£$¥§¿¡\r\nok';
    expect(countSegments(gsm)).toMatchObject({ encoding: 'GSM-7', units: [...gsm].length });
  });

  it('makes the whole message UCS-2 when one letter is outside the GSM table', () => {
    expect(countSegments('Ça coûte 5 euros').encoding).toBe('UCS-2');
    expect(countSegments('a'.repeat(100) + 'û')).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('counts each extension character (^ { } \\ [ ~ ] | €) as two septets', () => {
    const ext = '^{}\\[~]|€';
    expect(countSegments(ext)).toMatchObject({ encoding: 'GSM-7', characters: 9, units: 18 });
    expect(countSegments('€'.repeat(80))).toMatchObject({ units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
  });

  it('never splits an escape pair across segments', () => {
    // 152 plain septets + '€' (2): the euro does not fit in the 1 septet left of part one
    const count = countSegments('a'.repeat(152) + '€' + 'a'.repeat(10));
    expect(count.units).toBe(164);
    expect(count.segments).toBe(2);
    expect(count.remainingInSegment).toBe(153 - 12);
  });

  it('switches to UCS-2 for a character outside GSM-7 and uses 70/67 code units', () => {
    expect(countSegments('Thanks “Maria”')).toMatchObject({
      encoding: 'UCS-2',
      units: 14,
      remainingInSegment: 56,
    });
    expect(countSegments('ж'.repeat(70))).toMatchObject({ segments: 1, remainingInSegment: 0 });
    expect(countSegments('ж'.repeat(71))).toMatchObject({ segments: 2, remainingInSegment: 63 });
    expect(countSegments('안녕하세요')).toMatchObject({
      encoding: 'UCS-2',
      characters: 5,
      units: 5,
    });
  });

  it('counts an emoji as one character but two code units, and never splits the pair', () => {
    expect(countSegments('Hi 👋')).toMatchObject({ encoding: 'UCS-2', characters: 4, units: 5 });
    expect(countSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 36 emoji = 72 units: part one holds 33 (66 units; a pair cannot take the 67th), part two 3
    expect(countSegments('😀'.repeat(36))).toMatchObject({
      units: 72,
      segments: 2,
      remainingInSegment: 61,
    });
    // 66 units of text then an emoji: the pair moves whole into part two
    expect(countSegments('ж'.repeat(66) + '😀' + 'ж'.repeat(3))).toMatchObject({
      units: 71,
      segments: 2,
      remainingInSegment: 62,
    });
  });

  it("marks a message beyond Klaviyo's 1,600 characters as too long", () => {
    expect(KLAVIYO_MAX_SMS_CHARACTERS).toBe(1600);
    expect(countSegments('a'.repeat(1600)).tooLong).toBe(false);
    expect(countSegments('a'.repeat(1601)).tooLong).toBe(true);
    expect(countSegments('😀'.repeat(1600)).tooLong).toBe(false);
    expect(countSegments('😀'.repeat(1601)).tooLong).toBe(true);
  });
});

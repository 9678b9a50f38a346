/** The documents the bureau issues along an application's way (行政许可法 第三十二、四十二、三十八条). */
export const NOTICE_KINDS = ['receipt', 'acceptance', 'correction', 'non_acceptance', 'extension', 'approval', 'denial'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The character in a notice's number (平审受字〔2026〕第000042号) that says which kind it is. */
export const NOTICE_NUMBER_WORDS: Readonly<Record<NoticeKind, string>> = {
  receipt: '收',
  acceptance: '受',
  correction: '补',
  non_acceptance: '不受',
  extension: '延',
  approval: '许',
  denial: '不许',
};

/** 平审受字〔2026〕第000042号: the bureau's short name, the kind, the year, a per-kind yearly sequence. */
export function noticeNumber(kind: NoticeKind, year: number, sequence: number, bureauShortName = '平审'): string {
  return `${bureauShortName}${NOTICE_NUMBER_WORDS[kind]}字〔${year}〕第${String(sequence).padStart(6, '0')}号`;
}

export function noticeNumberScope(kind: NoticeKind, year: number): string {
  return `notice:${kind}:${year}`;
}

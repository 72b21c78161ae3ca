/** A short Danish message on a card: information, a warning, or an error the user can act on. */
export interface NoticeViewModel {
  style: 'default' | 'warning' | 'attention';
  title: string;
  text: string;
}

export function buildNoticeViewModel(kind: 'info' | 'warning' | 'error', title: string, text: string): NoticeViewModel {
  const style = kind === 'info' ? 'default' : kind === 'warning' ? 'warning' : 'attention';
  return { style, title, text };
}

/**
 * Design tokens — the single source of truth for colours and sizes.
 * `tokens.scss` mirrors these values for stylesheets; a test keeps the two in step
 * and checks every foreground/background pair below for WCAG contrast >= 4.5:1.
 *
 * Sizes are in design pixels for a 750-wide design (Taro turns 2 design px into
 * 1 CSS px on a 375-wide screen).
 */
export const colors = {
  primary: '#B42318',
  primaryPressed: '#912018',
  onPrimary: '#FFFFFF',
  text: '#1F1F1F',
  textSecondary: '#525252',
  surface: '#FFFFFF',
  background: '#F5F5F5',
  border: '#D4D4D4',
  link: '#0B57D0',
  noticeText: '#7A3E00',
  noticeBackground: '#FFF4E0',
  successText: '#1E6B35',
  successBackground: '#E8F5EC',
  errorText: '#A8071A',
  errorBackground: '#FFF1F0',
  tabText: '#525252',
  tabSelected: '#B42318',
} as const;

export type ColorToken = keyof typeof colors;

/** Text/background pairs actually used together in the UI. */
export const contrastPairs: ReadonlyArray<readonly [ColorToken, ColorToken]> = [
  ['text', 'surface'],
  ['text', 'background'],
  ['textSecondary', 'surface'],
  ['textSecondary', 'background'],
  ['onPrimary', 'primary'],
  ['onPrimary', 'primaryPressed'],
  ['primary', 'surface'],
  ['primary', 'background'],
  ['link', 'surface'],
  ['noticeText', 'noticeBackground'],
  ['successText', 'successBackground'],
  ['errorText', 'errorBackground'],
  ['errorText', 'surface'],
  ['tabText', 'surface'],
  ['tabSelected', 'surface'],
];

/** Font sizes (design px, 750 wide). Normal mode is already generous. */
export const fontSizes = {
  caption: 28,
  body: 34,
  title: 40,
  heading: 48,
  bodyLarge: 44,
  titleLarge: 52,
  headingLarge: 60,
} as const;

/** Minimum heights of tappable things (design px, 750 wide). */
export const touchSizes = {
  button: 96,
  primaryButton: 112,
  primaryButtonLarge: 128,
} as const;

/** WeChat's font size setting above this value switches large mode on by default. */
export const LARGE_FONT_SIZE_SETTING = 17;

import { useRouter } from '@tarojs/taro';

/** A positive whole-number query parameter of the page (`?id=12`), or null when missing or not such a number. */
export function useIdParam(name = 'id'): number | null {
  const { params } = useRouter();
  const id = Number(params[name]);
  return Number.isInteger(id) && id > 0 ? id : null;
}

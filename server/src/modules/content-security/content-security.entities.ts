/** Issue 11 slot — entities of WeChat content security 内容安全 (pending media checks). */
export const CONTENT_CHECK_ENTITIES: Function[] = [];

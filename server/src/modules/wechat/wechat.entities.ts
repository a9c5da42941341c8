/** Issue 11 slot — entities of the subscribe-message outbox 订阅消息 (filled by the WeChat messages work). */
export const WECHAT_MESSAGE_ENTITIES: Function[] = [];

/**
 * The words of expiry notifications, in every language the app speaks, as an i18next namespace
 * (`notifications`) so the renderer can load it beside its own UI strings. Keys ending in `_token`, `_api_key`
 * or `_oauth` are i18next contexts (the credential's type); the key without a suffix is the fallback.
 * Variables: provider, profile, agent (the whole `agentSuffix`, or empty), timeLeft, date, title.
 */
import type { Language } from '../contract';

/** A language the app has strings for (`system` resolves to one of these). */
export type AppLanguage = Exclude<Language, 'system'>;

/** The strings of one language. */
export type NotificationStrings = Record<string, string>;

/** The `notifications` namespace per language. */
export const notificationStrings: Record<AppLanguage, NotificationStrings> = {
  en: {
    thresholdTitle: '{{provider}} credential expires in {{timeLeft}}',
    thresholdTitle_token: '{{provider}} token expires in {{timeLeft}}',
    thresholdTitle_api_key: '{{provider}} API key expires in {{timeLeft}}',
    thresholdBody: 'Profile “{{profile}}”{{agent}} expires in {{timeLeft}} ({{date}}). Click to renew it.',
    expiredTitle: '{{provider}} credential has expired',
    expiredTitle_token: '{{provider}} token has expired',
    expiredTitle_api_key: '{{provider}} API key has expired',
    expiredTitle_oauth: '{{provider}} sign-in has expired',
    expiredBody: 'Profile “{{profile}}”{{agent}} expired on {{date}}. Requests that use it fail until you renew it. Click to renew it.',
    expiredBody_oauth: 'Profile “{{profile}}”{{agent}} expired on {{date}} and OpenClaw could not refresh it. Sign in again to renew it.',
    agentSuffix: ' (agent “{{agent}}”)',
    reminderTitle: 'Reminder: {{title}}',
    gatewayCrashLoopTitle: 'OpenClaw gateway keeps crashing',
    gatewayCrashLoopBody: 'It crashed 5 times within 3 minutes; ClawTray stopped restarting it. Open ClawTray to see its log.',
    gatewayConfigTitle: 'OpenClaw gateway refused its configuration',
    gatewayConfigBody: 'Open ClawTray to see what OpenClaw reported.',
  },
  fr: {
    thresholdTitle: 'L’identifiant {{provider}} expire dans {{timeLeft}}',
    thresholdTitle_token: 'Le jeton {{provider}} expire dans {{timeLeft}}',
    thresholdTitle_api_key: 'La clé d’API {{provider}} expire dans {{timeLeft}}',
    thresholdBody: 'Le profil « {{profile}} »{{agent}} expire dans {{timeLeft}} ({{date}}). Cliquez pour le renouveler.',
    expiredTitle: 'L’identifiant {{provider}} a expiré',
    expiredTitle_token: 'Le jeton {{provider}} a expiré',
    expiredTitle_api_key: 'La clé d’API {{provider}} a expiré',
    expiredTitle_oauth: 'La connexion {{provider}} a expiré',
    expiredBody:
      'Le profil « {{profile}} »{{agent}} a expiré le {{date}}. Les requêtes qui l’utilisent échouent tant qu’il n’est pas renouvelé. Cliquez pour le renouveler.',
    expiredBody_oauth:
      'Le profil « {{profile}} »{{agent}} a expiré le {{date}} et OpenClaw n’a pas pu le rafraîchir. Reconnectez-vous pour le renouveler.',
    agentSuffix: ' (agent « {{agent}} »)',
    reminderTitle: 'Rappel : {{title}}',
    gatewayCrashLoopTitle: 'La passerelle OpenClaw plante sans cesse',
    gatewayCrashLoopBody: 'Elle a planté 5 fois en 3 minutes ; ClawTray ne la redémarre plus. Ouvrez ClawTray pour voir son journal.',
    gatewayConfigTitle: 'La passerelle OpenClaw a refusé sa configuration',
    gatewayConfigBody: 'Ouvrez ClawTray pour voir ce qu’OpenClaw a signalé.',
  },
  'zh-CN': {
    thresholdTitle: '{{provider}} 凭证将在{{timeLeft}}后过期',
    thresholdTitle_token: '{{provider}} Token 将在{{timeLeft}}后过期',
    thresholdTitle_api_key: '{{provider}} API 密钥将在{{timeLeft}}后过期',
    thresholdBody: '配置文件“{{profile}}”{{agent}}将在{{timeLeft}}后过期（{{date}}）。点击续期。',
    expiredTitle: '{{provider}} 凭证已过期',
    expiredTitle_token: '{{provider}} Token 已过期',
    expiredTitle_api_key: '{{provider}} API 密钥已过期',
    expiredTitle_oauth: '{{provider}} 登录已过期',
    expiredBody: '配置文件“{{profile}}”{{agent}}已于 {{date}} 过期。续期之前，使用它的请求都会失败。点击续期。',
    expiredBody_oauth: '配置文件“{{profile}}”{{agent}}已于 {{date}} 过期，OpenClaw 无法自动刷新。请重新登录以续期。',
    agentSuffix: '（智能体“{{agent}}”）',
    reminderTitle: '提醒：{{title}}',
    gatewayCrashLoopTitle: 'OpenClaw 网关反复崩溃',
    gatewayCrashLoopBody: '它在 3 分钟内崩溃了 5 次，ClawTray 已停止重启它。打开 ClawTray 查看日志。',
    gatewayConfigTitle: 'OpenClaw 网关拒绝了它的配置',
    gatewayConfigBody: '打开 ClawTray 查看 OpenClaw 报告的内容。',
  },
  'zh-TW': {
    thresholdTitle: '{{provider}} 憑證將於 {{timeLeft}}後到期',
    thresholdTitle_token: '{{provider}} 權杖將於 {{timeLeft}}後到期',
    thresholdTitle_api_key: '{{provider}} API 金鑰將於 {{timeLeft}}後到期',
    thresholdBody: '設定檔「{{profile}}」{{agent}}將於 {{timeLeft}}後到期（{{date}}）。點擊以更新。',
    expiredTitle: '{{provider}} 憑證已到期',
    expiredTitle_token: '{{provider}} 權杖已到期',
    expiredTitle_api_key: '{{provider}} API 金鑰已到期',
    expiredTitle_oauth: '{{provider}} 登入已到期',
    expiredBody: '設定檔「{{profile}}」{{agent}}已於 {{date}} 到期。更新之前，使用它的請求都會失敗。點擊以更新。',
    expiredBody_oauth: '設定檔「{{profile}}」{{agent}}已於 {{date}} 到期，OpenClaw 無法自動重新整理。請重新登入以更新。',
    agentSuffix: '（代理程式「{{agent}}」）',
    reminderTitle: '提醒：{{title}}',
    gatewayCrashLoopTitle: 'OpenClaw 閘道反覆當機',
    gatewayCrashLoopBody: '它在 3 分鐘內當機 5 次，ClawTray 已停止重新啟動它。開啟 ClawTray 查看記錄。',
    gatewayConfigTitle: 'OpenClaw 閘道拒絕了它的設定',
    gatewayConfigBody: '開啟 ClawTray 查看 OpenClaw 回報的內容。',
  },
};

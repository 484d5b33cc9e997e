/**
 * How a provider id is shown to people (`cloudflare-ai-gateway` -> "Cloudflare AI Gateway"), in notifications, the
 * tray and the window alike. Brand names are not translated.
 */
const KNOWN: Record<string, string> = {
  anthropic: 'Anthropic',
  'cloudflare-ai-gateway': 'Cloudflare AI Gateway',
  openai: 'OpenAI',
  'openai-codex': 'OpenAI Codex',
  openrouter: 'OpenRouter',
  google: 'Google',
  'google-gemini-cli': 'Gemini CLI',
  mistral: 'Mistral',
  groq: 'Groq',
  xai: 'xAI',
  deepseek: 'DeepSeek',
  'github-copilot': 'GitHub Copilot',
  ollama: 'Ollama',
};

/** The display name of a provider; unknown ids are shown as they are. */
export function providerDisplayName(provider: string): string {
  return KNOWN[provider] ?? provider;
}

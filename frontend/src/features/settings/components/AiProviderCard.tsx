import { Card, CardHeader } from '@/components/ui';
import { useAiProvider } from '../hooks/useAiUsage';

/**
 * Which AI provider the workspace runs, as the ai service reports it. It is chosen by the server's settings
 * (docs/configuration.md), not here: keys stay in the server's environment, never in the browser.
 */
export function AiProviderCard() {
  const provider = useAiProvider();
  const p = provider.data;
  return (
    <Card>
      <CardHeader
        title="AI provider"
        description="Chosen by the server's settings: OUTBOUND_AI_PROVIDER, OUTBOUND_OPENAI_BASE_URL, OUTBOUND_OPENAI_API_KEY and OUTBOUND_OPENAI_MODEL (any OpenAI-compatible endpoint: OpenAI, Azure, Ollama, vLLM)."
      />
      <p className="p-5 text-sm text-gray-900" data-testid="ai-provider-in-use">
        {p
          ? p.is_ai
            ? `In use: ${p.provider}, model ${p.model}.`
            : 'In use: offline rules (not AI) — no model is configured.'
          : provider.isError
            ? 'The ai service did not answer.'
            : 'Loading…'}
      </p>
    </Card>
  );
}

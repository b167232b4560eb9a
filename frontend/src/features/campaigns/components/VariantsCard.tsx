import { Badge, Card, CardHeader, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { formatNumber } from '@/lib/format';
import type { TemplateOption, VariantStats } from '../api';
import { compareVariants, MIN_SENT_TO_COMPARE } from '../variants';

const percent = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
/** A share of the sent messages; "—" when nothing was sent (no rate to speak of). */
const pct = (r: number | null) => (r === null ? '—' : `${percent.format(r * 100)} %`);

/** Each A/B-tested step's texts side by side, the leader by reply rate marked once the numbers allow it. */
export function VariantsCard({
  variants,
  templates,
  tracking,
}: {
  variants: VariantStats[];
  templates: TemplateOption[] | undefined;
  tracking: { opens: boolean; clicks: boolean };
}) {
  const steps = compareVariants(variants);
  const templateName = (id: number) => templates?.find((t) => t.id === id)?.name ?? `#${id}`;
  return (
    <Card role="region" aria-labelledby="ab-heading">
      <CardHeader id="ab-heading" title="A/B test" description="Per text of each tested step; rates are shares of the messages sent with that text." />
      <div className="space-y-5 p-5">
        {steps.map((s) => (
          <section key={s.step} className="space-y-2" aria-labelledby={`ab-step-${s.step}`}>
            <h3 id={`ab-step-${s.step}`} className="text-sm font-semibold text-gray-900">
              Step {s.step}
            </h3>
            <Table aria-label={`A/B test, step ${s.step}`}>
              <THead>
                <tr>
                  <Th>Variant</Th>
                  <Th>Template</Th>
                  <Th className="text-right">Sent</Th>
                  <Th className="text-right">Opened</Th>
                  <Th className="text-right">Clicked</Th>
                  <Th className="text-right">Replied</Th>
                  <Th className="text-right">Interested</Th>
                  <Th className="text-right">Bounced</Th>
                  <Th className="text-right">Unsubscribed</Th>
                </tr>
              </THead>
              <TBody>
                {s.rows.map((r) => (
                  <Tr key={r.label} data-testid={`ab-${s.step}-${r.label}`}>
                    <Td className="font-medium text-gray-900">
                      <span className="inline-flex items-center gap-2">
                        {r.label}
                        {s.leader === r.label ? <Badge tone="success">Leading</Badge> : null}
                      </span>
                    </Td>
                    <Td>{templateName(r.template_id)}</Td>
                    <Td className="text-right">{formatNumber(r.sent)}</Td>
                    <Td className="text-right">{tracking.opens ? pct(r.rate.opened) : 'off'}</Td>
                    <Td className="text-right">{tracking.clicks ? pct(r.rate.clicked) : 'off'}</Td>
                    <Td className="text-right">{pct(r.rate.replied)}</Td>
                    <Td className="text-right">{formatNumber(r.interested)}</Td>
                    <Td className="text-right">{formatNumber(r.bounced)}</Td>
                    <Td className="text-right">{formatNumber(r.unsubscribed)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            <p className="text-xs text-gray-600" data-testid={`ab-${s.step}-verdict`}>
              {s.tooFew
                ? `Too few sends to compare yet (each text needs at least ${MIN_SENT_TO_COMPARE} sent).`
                : s.leader
                  ? `${s.leader} leads by reply rate.`
                  : 'No leader: the best reply rates are tied.'}
            </p>
          </section>
        ))}
      </div>
    </Card>
  );
}

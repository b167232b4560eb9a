/**
 * The public demo in the SPA: whether it is on (`useDemo`), the controls it refuses
 * (`<DisabledReason reason={reason('ai')}>`), the banner and "Enter the demo".
 */
export { DemoBanner, describeSchedule, resetCountdown } from './DemoBanner';
export { DemoProvider, useDemoInfo } from './DemoProvider';
export { DisabledReason } from '@/components/ui/DisabledReason';
export { getDemoInfo, type DemoInfo } from './demoApi';
export { useDemo, type Demo, type DemoRefusal } from './useDemo';

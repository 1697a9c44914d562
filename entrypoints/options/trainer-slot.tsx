// ─── SLOT FOR THE TRAINERS' SECTIONS ────────────────────────────────────────────────────────────────────────────
// The trainers' issue adds its "Packs" (import a file, subscribe to a URL, policy packs) and "Diagnostics" sections
// here: append { id, Component } entries. Each Component receives the page's locale and renders one <section>
// with its own <h2>. The options page renders them, in this order, after the learner's own sections.
import type { ComponentType } from 'react';
import type { Locale } from '../../components/i18n';
import { ClassReportSection } from './ClassReportSection';
import { DiagnosticsSection } from './DiagnosticsSection';
import { PacksSection } from './PacksSection';
import { ProgressOutSection } from './ProgressOutSection';

export interface TrainerSection {
  id: 'packs' | 'diagnostics' | (string & {});
  Component: ComponentType<{ locale: Locale }>;
}

export const TRAINER_SECTIONS: TrainerSection[] = [
  { id: 'packs', Component: PacksSection },
  { id: 'progress-out', Component: ProgressOutSection },
  { id: 'class-report', Component: ClassReportSection },
  { id: 'diagnostics', Component: DiagnosticsSection },
];

import { useId } from 'react';
import type { LearningPath } from '../../lessons/pack/types';
import { t, type Locale } from '../i18n';
import { PATHS, PATH_ABOUT, PATH_NAME } from './paths';

interface PathPickerProps {
  locale: Locale;
  legend: string;
  value: LearningPath | null;
  /** Only these paths (a tie); default all four. */
  paths?: readonly LearningPath[];
  describe?: boolean;
  testId?: string;
  onChange: (path: LearningPath) => void;
}

/** A radio group of paths, each with its two-sentence description: arrow keys move, screen readers read both. */
export function PathPicker({ locale, legend, value, paths = PATHS, describe = true, testId, onChange }: PathPickerProps) {
  const name = useId();
  return (
    <fieldset className="path-picker" data-testid={testId}>
      <legend>{legend}</legend>
      {paths.map((path) => {
        const id = `${name}-${path}`;
        return (
          <div className="choice" key={path}>
            <input
              type="radio"
              id={id}
              name={name}
              value={path}
              checked={value === path}
              aria-describedby={describe ? `${id}-about` : undefined}
              onChange={() => onChange(path)}
            />
            <label htmlFor={id}>
              <strong>{t(locale, PATH_NAME[path])}</strong>
              {describe ? (
                <span id={`${id}-about`} className="choice-about">
                  {t(locale, PATH_ABOUT[path])}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

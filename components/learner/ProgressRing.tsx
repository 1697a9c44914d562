/** A ring that fills with the share of steps done: the picture the learner grasps at a glance. */
export function ProgressRing({ fraction, label, size = 64 }: { fraction: number; label: string; size?: number }) {
  const stroke = 8;
  const radius = (size - stroke) / 2;
  const circumference = 2 * Math.PI * radius;
  const clamped = Math.max(0, Math.min(1, fraction));
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} data-testid="progress-ring" data-fraction={clamped.toFixed(3)}>
      <circle className="ring-track" cx={size / 2} cy={size / 2} r={radius} fill="none" strokeWidth={stroke} />
      <circle
        className="ring-value"
        cx={size / 2}
        cy={size / 2}
        r={radius}
        fill="none"
        strokeWidth={stroke}
        strokeLinecap="round"
        strokeDasharray={`${circumference * clamped} ${circumference}`}
        transform={`rotate(-90 ${size / 2} ${size / 2})`}
      />
      <text className="ring-text" x="50%" y="50%" dominantBaseline="central" textAnchor="middle" aria-hidden="true">
        {Math.round(clamped * 100)}%
      </text>
    </svg>
  );
}

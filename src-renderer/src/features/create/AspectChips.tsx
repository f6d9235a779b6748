import { Segmented } from '../../components/Segmented'

/** A small rectangle in the chip shows the shape. */
function Shape({ ratio }: { ratio: string }) {
  const [w, h] = ratio.split(':').map(Number)
  const scale = 14 / Math.max(w, h)
  return (
    <span className="aspect-shape" aria-hidden="true" style={{ width: Math.round(w * scale), height: Math.round(h * scale) }} />
  )
}

export function AspectChips<T extends string>({
  value,
  options,
  onChange
}: {
  value: T
  options: readonly T[]
  onChange(v: T): void
}) {
  return (
    <div className="control-block">
      <span className="control-label">
        Aspect ratio
      </span>
      <Segmented
        label="Aspect ratio"
        variant="chips"
        value={value}
        onChange={onChange}
        options={options.map((o) => ({
          value: o,
          name: o,
          label: (
            <>
              <Shape ratio={o} />
              {o}
            </>
          )
        }))}
      />
    </div>
  )
}

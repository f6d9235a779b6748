import { ConversionForm } from './ConversionForm'
import { ConversionImport } from './ConversionImport'

export function ConversionsSection() {
  return (
    <section className="acct-section" id="account-conversions">
      <div className="acct-section-head">
        <h2>Meta conversions</h2>
      </div>
      <p className="acct-lead">
        Send purchases, leads and other events to your connected Meta pixel through Krev — one at a time, or a whole
        file of orders at once.
      </p>
      <ConversionForm />
      <ConversionImport />
    </section>
  )
}

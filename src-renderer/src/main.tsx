import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { boot } from './app/boot'
import { TooltipProvider } from './components/Tooltip'
import './styles/tokens.css'
import './styles/base.css'
import './styles/buttons.css'
import './styles/fields.css'
import './styles/toggles.css'
import './styles/indicators.css'
import './styles/feedback.css'
import './styles/empty.css'
import './styles/screen.css'
import './styles/shell.css'
import './styles/products.css'
import './styles/create.css'
import './styles/queue.css'
import './styles/library.css'
import './styles/chat.css'
import './styles/account.css'
import './styles/conversions.css'
import './styles/welcome.css'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <TooltipProvider>
        <App />
      </TooltipProvider>
    </StrictMode>
  )
  void boot()
}

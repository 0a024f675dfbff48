import { Alert, Button } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatWait, signInErrorMessage } from './sign-in-error'
import type { SignInFlow } from './use-sign-in-flow'

/** What every first sign-in step ends with: why the last send failed, and a send button that waits out the cooldown. */
export function SendCodeFooter({ flow, submitLabel }: { flow: SignInFlow; submitLabel: string }) {
  const { t } = useTranslation()
  return (
    <>
      {flow.sendError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
          {signInErrorMessage(flow.sendError, t)}
        </Alert>
      )}
      <Button type="submit" fullWidth size="md" loading={flow.sending} disabled={flow.cooldown > 0}>
        {flow.cooldown > 0 ? t('common.signIn.waitToSend', { time: formatWait(flow.cooldown) }) : submitLabel}
      </Button>
    </>
  )
}

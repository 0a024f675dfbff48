import { Alert, Anchor, Box, Button, Group, PinInput, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { type SignedIn, useVerifyCode } from './auth-api'
import { formatWait, signInErrorMessage } from './sign-in-error'
import type { SignInFlow } from './use-sign-in-flow'

const CODE_LENGTH = 6
/** After these the challenge is spent: only a new code helps. */
const DEAD_CHALLENGE = new Set(['code_expired', 'rate_limited', 'account_suspended'])

interface CodeStepProps {
  flow: SignInFlow & { challenge: NonNullable<SignInFlow['challenge']> }
  backLabel: string
  onSignedIn: (signedIn: SignedIn) => void
}

/** Step two of a passwordless sign-in: the six digits from the email or text message. */
export function CodeStep({ flow, backLabel, onSignedIn }: CodeStepProps) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const pinRoot = useRef<HTMLDivElement>(null)
  const verify = useVerifyCode()
  const dead = verify.error instanceof ApiError && DEAD_CHALLENGE.has(verify.error.code)

  const submit = (value: string) => {
    if (value.length !== CODE_LENGTH || verify.isPending) return
    verify.mutate(
      { challenge_id: flow.challenge.challenge_id, code: value },
      {
        onSuccess: onSignedIn,
        onError: () => {
          setCode('')
          pinRoot.current?.querySelector('input')?.focus()
        },
      },
    )
  }

  const resend = () =>
    flow.resend(() => {
      verify.reset()
      setCode('')
      notifications.show({ color: 'teal', message: t('common.signIn.resent') })
    })

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        submit(code)
      }}
    >
      <Stack>
        <Text size="sm">
          {t('common.signIn.codeSentTo')}{' '}
          <Text span fw={600} dir="ltr" style={{ unicodeBidi: 'isolate', whiteSpace: 'nowrap' }}>
            {flow.challenge.sent_to}
          </Text>
        </Text>
        <Box dir="ltr">
          <PinInput
            rootRef={pinRoot}
            length={CODE_LENGTH}
            type="number"
            size="lg"
            gap="xs"
            autoFocus
            oneTimeCode
            value={code}
            onChange={(value) => {
              setCode(value)
              // Typing again clears a wrong-code message; a spent code's message stays.
              if (verify.isError && !dead) verify.reset()
            }}
            onComplete={submit}
            error={verify.isError}
            disabled={dead}
            readOnly={verify.isPending}
            ariaLabel={t('common.signIn.codeLabel')}
            styles={{ root: { justifyContent: 'center' } }}
          />
        </Box>
        {verify.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {signInErrorMessage(verify.error, t)}
          </Alert>
        )}
        {!dead && (
          <Button
            type="submit"
            fullWidth
            size="md"
            loading={verify.isPending}
            disabled={code.length !== CODE_LENGTH}
          >
            {t('common.signIn.verify')}
          </Button>
        )}
        {flow.sendError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {signInErrorMessage(flow.sendError, t)}
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          <Anchor component="button" type="button" size="sm" onClick={flow.reset}>
            {backLabel}
          </Anchor>
          <Button
            variant={dead ? 'filled' : 'subtle'}
            size={dead ? 'sm' : 'compact-sm'}
            leftSection={<IconRefresh size={14} />}
            onClick={resend}
            loading={flow.sending}
            disabled={flow.cooldown > 0}
          >
            {flow.cooldown > 0
              ? t('common.signIn.resendIn', { time: formatWait(flow.cooldown) })
              : t('common.signIn.resend')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

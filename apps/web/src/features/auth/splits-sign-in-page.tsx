import { Stack } from '@mantine/core'
import { isEmail, useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { useDemoPersonas, useStartEmail } from './auth-api'
import { CodeStep } from './code-step'
import { DemoPersonasPanel } from './demo-personas-panel'
import { EmailStep } from './email-step'
import { SignInCard } from './sign-in-card'
import { useNextPath } from './use-next-path'
import { useSignInFlow } from './use-sign-in-flow'

/** Splits Network sign-in: work email, then the six-digit code (or the emailed magic link). */
export function SplitsSignInPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.signIn.pageTitle'))
  const navigate = useNavigate()
  const next = useNextPath('/splits')
  const flow = useSignInFlow(useStartEmail())
  const personas = (useDemoPersonas().data ?? []).filter((p) => p.marketplace === 'splits' && p.email)
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: isEmail(t('splits.signIn.emailInvalid')) },
  })

  return (
    <Stack gap="lg">
      <SignInCard
        title={t('splits.signIn.title')}
        subtitle={flow.challenge ? t('splits.signIn.codeSubtitle') : t('splits.signIn.subtitle')}
      >
        {flow.challenge ? (
          <CodeStep
            flow={{ ...flow, challenge: flow.challenge }}
            backLabel={t('splits.signIn.changeEmail')}
            onSignedIn={() => navigate(next, { replace: true })}
          />
        ) : (
          <EmailStep form={form} flow={flow} />
        )}
      </SignInCard>
      {personas.length > 0 && (
        <DemoPersonasPanel
          personas={personas}
          contact="email"
          onPick={(persona) => {
            flow.reset()
            form.setFieldValue('email', persona.email ?? '')
          }}
        />
      )}
    </Stack>
  )
}

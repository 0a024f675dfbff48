import { Anchor, Badge, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RoleBadge } from '../../components/role-badge'
import type { DemoPersona } from './auth-api'
import classes from './demo-personas-panel.module.css'

interface DemoPersonasPanelProps {
  personas: DemoPersona[]
  /** Which contact the sign-in form asks for. */
  contact: 'email' | 'phone'
  onPick: (persona: DemoPersona) => void
}

/** Demo mode only: people to sign in as, and where their codes arrive. */
export function DemoPersonasPanel({ personas, contact, onPick }: DemoPersonasPanelProps) {
  const { t } = useTranslation()

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="demo-personas-title">
      <Group justify="space-between" gap="xs" mb={4}>
        <Title order={2} fz="md" id="demo-personas-title">
          {t('common.signIn.demo.title')}
        </Title>
        <Badge variant="light" color="grape">
          {t('common.signIn.demo.badge')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        <Trans
          i18nKey="common.signIn.demo.hint"
          components={{ outbox: <Anchor component={Link} to="/dev/outbox" target="_blank" inherit /> }}
        />
      </Text>
      <Stack gap={6}>
        {personas.map((persona) => (
          <UnstyledButton
            key={persona.key}
            className={classes.persona}
            onClick={() => onPick(persona)}
            aria-label={t('common.signIn.demo.use', { name: persona.name })}
          >
            <Group justify="space-between" gap={6} wrap="nowrap" align="flex-start">
              <div>
                <Text size="sm" fw={600}>
                  {persona.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {persona.description}
                </Text>
              </div>
              <Text size="xs" c="dimmed" dir="ltr" className={classes.contact}>
                {contact === 'email' ? persona.email : persona.phone}
              </Text>
            </Group>
            <Group gap={4} mt={4}>
              {persona.roles.map((role) => (
                <RoleBadge key={role} role={role} size="xs" />
              ))}
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  )
}

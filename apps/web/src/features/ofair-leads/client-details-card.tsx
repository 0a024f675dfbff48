import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconLock, IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { LtrText } from '../../components/ltr-text'
import { formatPhone } from '../../lib/format'
import { type Lead, useClientDetails } from './ofair-api'

/**
 * The client's name, phone and address: read from the server only by the owner and the accepted
 * professional (each read is logged there); everyone else sees a masked card.
 */
export function ClientDetailsCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const client = useClientDetails(lead.id, lead.can_see_client)
  return (
    <Card withBorder radius="md" padding="md" data-testid="client-details">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('ofair.client.title')}
        </Title>
        {!lead.can_see_client ? (
          <Alert color="gray" icon={<IconLock size={18} />}>
            {t('ofair.client.masked')}
          </Alert>
        ) : client.isPending ? (
          <LoadingState minHeight={60} />
        ) : client.isError ? (
          <ErrorAlert error={client.error} />
        ) : (
          <>
            <Text fw={600}>{client.data.client_name}</Text>
            <Anchor href={`tel:${client.data.client_phone}`} fw={600}>
              <LtrText span data-testid="client-phone">
                {formatPhone(client.data.client_phone)}
              </LtrText>
            </Anchor>
            <Text>{client.data.client_address}</Text>
            <Group gap={4}>
              <IconShieldCheck size={12} />
              <Text size="xs" c="dimmed">
                {t('ofair.client.logged')}
              </Text>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  )
}

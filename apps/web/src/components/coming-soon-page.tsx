import { Badge, Paper } from '@mantine/core'
import { IconHourglassEmpty } from '@tabler/icons-react'
import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../app/use-page-title'
import { EmptyState } from './empty-state'
import { PageHeader } from './page-header'

interface ComingSoonPageProps {
  titleKey: ParseKeys
  descriptionKey: ParseKeys
}

/** Route placeholder for a screen that is planned but not built; replace the route element when it is. */
export function ComingSoonPage({ titleKey, descriptionKey }: ComingSoonPageProps) {
  const { t } = useTranslation()
  const title = t(titleKey)
  usePageTitle(title)

  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="xl">
        <EmptyState
          icon={<IconHourglassEmpty size={28} stroke={1.5} />}
          title={
            <Badge variant="light" size="lg">
              {t('common.comingSoon')}
            </Badge>
          }
          description={t(descriptionKey)}
        />
      </Paper>
    </>
  )
}

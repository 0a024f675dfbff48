import { Text } from '@mantine/core'

/** A job's name in words, with its technical id in small print for operators. */
export function JobName({ label, name }: { label: string; name: string }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" dir="ltr" ta="start">
        {name}
      </Text>
    </>
  )
}

// The chat socket is shared by both marketplaces' chats (features/conversations).
export { type ChatConnection, type ChatEvent, useChatSocket } from '../conversations/use-chat-socket'

// A minimal OpenAI Realtime hook-up: forward the server events of a Realtime
// session (WebSocket or WebRTC data channel) to realtime-store, through the
// client's background queue so the call never waits on storage.
//
//   const store = createHttpStore({ url, token, queue: true });
//   const hook = realtimeHook(store, sessionId);
//   ws.on("message", (m) => hook(JSON.parse(m)));
//   ... at hang-up: await store.close();
import { createHttpStore } from "realtime-store-client";

/** Returns a function to call with each Realtime server event. */
export function realtimeHook(store, sessionId) {
  const started = new Map(); // item_id -> epoch ms it started
  return (ev) => {
    const now = Date.now();
    switch (ev.type) {
      case "input_audio_buffer.speech_started":
        started.set(ev.item_id, now);
        break;
      case "conversation.item.input_audio_transcription.completed":
        store.addTranscript(sessionId, { item_id: ev.item_id, role: "user", text: ev.transcript, started_at: started.get(ev.item_id) ?? now, ended_at: now });
        break;
      case "response.audio_transcript.done":
      case "response.output_audio_transcript.done":
        store.addTranscript(sessionId, { item_id: ev.item_id, role: "assistant", text: ev.transcript, started_at: now, ended_at: now });
        break;
      case "response.function_call_arguments.done": {
        let args = ev.arguments;
        try { args = JSON.parse(ev.arguments); } catch { /* keep the string */ }
        store.addToolEvent(sessionId, { call_id: ev.call_id, name: ev.name, args, at: now });
        break;
      }
      case "response.done": {
        const u = ev.response?.usage;
        if (!u) break;
        const id = ev.response.id;
        for (const [kind, value] of [["input_tokens", u.input_tokens], ["output_tokens", u.output_tokens]]) {
          if (typeof value === "number") store.addUsage(sessionId, { event_id: `${id}.${kind}`, kind, value, at: now });
        }
        break;
      }
      default:
        break;
    }
  };
}

export { createHttpStore };

/**
 * helpers/subscribers.ts: a test ends once the subscribers it started are done; past the bound, the
 * wait fails and names the events still running.
 */
import { Modules } from "@medusajs/framework/utils"
import { shopRunner } from "../../helpers/shared-app"
import { trackSubscribers } from "../../helpers/subscribers"

shopRunner({
  testSuite: ({ getContainer }) => {
    it("waits for the subscribers a test started before the next one (helpers/subscribers.ts)", async () => {
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      let release: () => void = () => undefined
      const released = new Promise<void>((resolve) => (release = resolve))
      let finished = false
      bus.subscribe("harness.slow", async () => {
        await released
        finished = true
      }, { subscriberId: "harness-slow" })
      const tracker = trackSubscribers(getContainer())
      expect(tracker).not.toBeNull()
      await bus.emit({ name: "harness.slow", data: {} })
      await new Promise((resolve) => setImmediate(resolve))
      expect(tracker!.running()).toEqual(["harness.slow"])
      // Still running past the bound: the wait fails and says which event.
      await expect(tracker!.idle(50)).rejects.toThrow("subscribers still running 50 ms after the test: harness.slow")
      const idle = tracker!.idle()
      release()
      await idle
      expect(finished).toBe(true)
      expect(tracker!.running()).toEqual([])
    })
  },
})

import { esc } from "./html"

describe("text in HTML", () => {
  it("escapes what it prints", () => {
    expect(esc(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
  })
})

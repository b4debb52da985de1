/** The smallest router that does: the page comes from location.pathname; links push history. */
import { useEffect, useState, type MouseEvent, type ReactNode } from "react"

const CHANGE = "demo:navigate"

export function navigate(to: string) {
  window.history.pushState(null, "", to)
  window.dispatchEvent(new Event(CHANGE))
}

/** The current path and query, updated on navigate() and on the browser's back and forward. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const read = () => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) })
  const [location, setLocation] = useState(read)
  useEffect(() => {
    const update = () => setLocation(read())
    window.addEventListener("popstate", update)
    window.addEventListener(CHANGE, update)
    return () => {
      window.removeEventListener("popstate", update)
      window.removeEventListener(CHANGE, update)
    }
  }, [])
  return location
}

export function Link(props: { to: string; children: ReactNode; className?: string }) {
  const follow = (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    navigate(props.to)
  }
  return (
    <a href={props.to} onClick={follow} className={props.className}>
      {props.children}
    </a>
  )
}

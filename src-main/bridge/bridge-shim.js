// Served only by the headless preview (never bundled into the app): gives the built
// renderer the same `window.krev` the preload provides in Electron, over the loopback
// bridge. The token arrives in the URL fragment (never sent over HTTP) and is kept in
// sessionStorage so a reload reconnects.
;(function () {
  'use strict'
  var KEY = 'krev-bridge-token'
  var match = /(?:^#|&)bridge-token=([0-9a-f]{64})/.exec(location.hash)
  if (match) {
    sessionStorage.setItem(KEY, match[1])
    history.replaceState(null, '', location.pathname + location.search)
  }
  var token = sessionStorage.getItem(KEY)
  var nextId = 1
  var pending = new Map()
  var outbox = []
  var listeners = new Map()
  var ws = null
  var ready = false
  var attempt = 0

  function fail(code, message) {
    return { ok: false, error: { code: code, message: message, retryable: code === 'network' } }
  }

  function connect() {
    ws = new WebSocket('ws://' + location.host + '/__krev/bridge')
    ws.onopen = function () {
      ws.send(JSON.stringify({ type: 'hello', token: token || '' }))
    }
    ws.onmessage = function (ev) {
      var msg = JSON.parse(ev.data)
      if (msg.type === 'ready') {
        ready = true
        attempt = 0
        outbox.splice(0).forEach(function (m) { ws.send(m) })
      } else if (msg.type === 'result') {
        var resolve = pending.get(msg.id)
        pending.delete(msg.id)
        if (resolve) resolve(msg.result)
      } else if (msg.type === 'event') {
        var set = listeners.get(msg.name)
        if (set) set.forEach(function (fn) { fn(msg.payload) })
      }
    }
    ws.onclose = function () {
      ready = false
      pending.forEach(function (resolve) { resolve(fail('network', 'Lost the connection to Krev Studio.')) })
      pending.clear()
      attempt += 1
      if (attempt < 20) setTimeout(connect, Math.min(200 * attempt, 2000))
    }
  }

  window.krev = {
    invoke: function (name, input) {
      return new Promise(function (resolve) {
        var id = nextId++
        pending.set(id, resolve)
        var frame = JSON.stringify({ type: 'invoke', id: id, name: name, input: input === undefined ? {} : input })
        if (ready) ws.send(frame)
        else outbox.push(frame)
      })
    },
    on: function (name, fn) {
      var set = listeners.get(name) || new Set()
      set.add(fn)
      listeners.set(name, set)
      return function () { set.delete(fn) }
    }
  }
  connect()
})()

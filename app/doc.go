// Package app renders a chronicle as a searchable German timeline with
// go-app. It runs twice with the same code: natively, where the server or the
// static export prerenders the full timeline into HTML, and in the browser as
// WebAssembly, where the reader searches as they type.
//
// All article text and every query is rendered through text nodes
// (app.Text, app.Mark), never as markup, and no article data is placed in an
// attribute except values the loader validated (slug ids, http(s) URLs,
// ISO dates).
package app

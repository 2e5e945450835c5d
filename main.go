// Command chronik is a searchable news timeline that runs entirely in the
// browser. The same program is the WebAssembly app and, natively, the tool
// that serves it, exports it as a static site and searches from the shell:
//
//	chronik [-addr 127.0.0.1:8000]        serve the widget
//	chronik static [-base /path] [-articles DIR] OUT
//	                                      write a static site to OUT
//	chronik search [-json] QUERY          print the ranked hits
//	chronik articles [-json]              list the articles
package main

import (
	"fmt"
	"os"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"chronik/app"
	"chronik/embed/data"
)

func main() {
	b, err := timedLoad(data.Load)
	if err != nil {
		fmt.Fprintln(os.Stderr, "chronik:", err)
		os.Exit(1)
	}
	app.Register(b)
	benchHook(b)
	goapp.RunWhenOnBrowser() // in the browser, this never returns
	os.Exit(command(b, os.Args[1:]))
}

package german

import "strings"

// IsStopWord reports whether word (lowercase) is in the German stop-word list.
//
// The list is the official Snowball German stop list
// (https://snowballstem.org/algorithms/german/stop.txt) with two changes:
//
//   - "dass" is added next to "daß", because the list predates the 1996
//     spelling reform and "dass" is the spelling used in current text;
//   - "weg" ("away") is removed, because it is also the common noun
//     "Weg" ("way, path"), which is a meaningful search term.
//
// Like the Snowball list, it contains unstemmed word forms, so it must be
// applied to a word before stemming.
func IsStopWord(word string) bool {
	_, ok := stopWords[word]
	return ok
}

// stopWords is the stop list as a set, built once at start-up and only
// read after. (A switch over the words, as before, compiled to 30 KB of
// WebAssembly; the text of the list is a twentieth of that.)
var stopWords = func() map[string]struct{} {
	words := strings.Fields(stopList)
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}()

// stopList is the stop list, separated by white space.
const stopList = `
aber alle allem allen aller alles als also am an ander andere anderem
anderen anderer anderes anderm andern anderr anders auch auf aus bei
bin bis bist da damit dann der den des dem die das daß dass derselbe
derselben denselben desselben demselben dieselbe dieselben dasselbe
dazu dein deine deinem deinen deiner deines denn derer dessen dich dir
du dies diese diesem diesen dieser dieses doch dort durch ein eine
einem einen einer eines einig einige einigem einigen einiger einiges
einmal er ihm ihn es etwas euer eure eurem euren eurer eures für gegen
gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir
ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem
jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine
keinem keinen keiner keines können könnte machen man manche manchem
manchen mancher manches mein meine meinem meinen meiner meines mit muss
musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine
seinem seinen seiner seines selbst sich sie ihnen sind so solche
solchem solchen solcher solches soll sollte sondern sonst über um und
uns unse unsem unsen unser unses unter viel vom von vor während war
waren warst was weil weiter welche welchem welchen welcher welches wenn
werde werden wie wieder will wir wird wirst wo wollen wollte würde
würden zu zum zur zwar zwischen
`

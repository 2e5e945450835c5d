package german

import "github.com/kljensen/snowball/snowballword"

// postlude turns the markers U and Y back into lower case and removes the
// umlaut from ä, ö and ü. It does not change the length of the word.
func postlude(w *snowballword.SnowballWord) {
	for i, r := range w.RS {
		switch r {
		case 'U', 'ü':
			w.RS[i] = 'u'
		case 'Y':
			w.RS[i] = 'y'
		case 'ä':
			w.RS[i] = 'a'
		case 'ö':
			w.RS[i] = 'o'
		}
	}
}

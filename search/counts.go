package search

// A counts list holds, for one surface form, the documents it occurs in, in
// increasing order, with the number of occurrences per field but no
// positions: the exact-form statistics that let a word typed in full rank
// above its other inflected forms. It is a document header per document,
// see appendDocHeader.

// countsWriter builds the counts list of one surface form during Build.
type countsWriter struct {
	term   string // its stem
	list   []byte
	prev   int // last document added, -1 if none
	df, cf int
}

// add appends the occurrence counts tf of the form in document doc, at least
// one.
func (w *countsWriter) add(doc int, tf *[NumFields]int32) {
	w.list = appendDocHeader(w.list, doc, w.prev, tf)
	w.prev = doc
	w.df++
	for _, n := range tf {
		w.cf = min(w.cf+int(n), maxPosition)
	}
}

// newCountIter returns an iterator over the counts list data of an index
// with ndocs documents.
func newCountIter(data []byte, ndocs int) docIter {
	return docIter{what: "counts", data: data, ndocs: ndocs, doc: -1}
}

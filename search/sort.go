package search

// insertionSort sorts s by less, stably. It is for the short or nearly
// sorted lists of a query (the query's terms, a page of hits, the matches
// of one document, which arrive in text order), where it is as fast as
// slices.SortStableFunc and, unlike each instance of that, adds almost
// nothing to the WASM.
func insertionSort[T any](s []T, less func(a, b T) bool) {
	for i := 1; i < len(s); i++ {
		x := s[i]
		j := i
		for ; j > 0 && less(x, s[j-1]); j-- {
			s[j] = s[j-1]
		}
		s[j] = x
	}
}

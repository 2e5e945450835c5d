package embed

import "strings"

// Article is one news article of a chronicle, as read from its file.
type Article struct {
	// ID identifies the article in HTML ids and URL fragments. It matches
	// ^[a-z0-9][a-z0-9-]*$ and has at most 100 characters.
	ID string `json:"id"`
	// Date is the publication date; its day may be unknown.
	Date Date `json:"date"`
	// Title is the headline; never empty.
	Title string `json:"title"`
	// Kicker is the short line shown above the title, if any.
	Kicker string `json:"kicker,omitempty"`
	// Source names the publication the article comes from, if known.
	Source string `json:"source,omitempty"`
	// Author names the writer, if known.
	Author string `json:"author,omitempty"`
	// URL links to the original, if any: an absolute http(s) URL that
	// is safe to place in an HTML attribute unescaped.
	URL string `json:"url,omitempty"`
	// Body holds the paragraphs of the text, separated by "\n\n". No
	// paragraph contains a newline; a paragraph beginning with "## " is
	// a subheading.
	Body string `json:"body"`
}

// Paragraphs splits Body into its paragraphs. Subheadings are
// paragraphs that keep their "## " prefix. An empty Body has none.
func (a Article) Paragraphs() []string {
	if a.Body == "" {
		return nil
	}
	return strings.Split(a.Body, "\n\n")
}

// Chronicle is a titled collection of articles in chronological order.
type Chronicle struct {
	// Title names the chronicle; never empty.
	Title string `json:"title"`
	// Description is an optional one-paragraph summary.
	Description string `json:"description,omitempty"`
	// Actors name the people and companies the chronicle is about, such as
	// "Microsoft" or "Trump". Readers filter by them; an article is about
	// an actor when a search for the name finds it.
	Actors []string `json:"actors,omitempty"`
	// Articles are sorted by Date, then by ID.
	Articles []Article `json:"articles"`
}

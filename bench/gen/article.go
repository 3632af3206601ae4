package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
)

// wordsPerPost is where a body stops growing; bodies then average about
// 930 words, the size of the posts behind the reference timings in the
// team's benchmark notes.
const wordsPerPost = 880

// article is one generated post.
type article struct {
	slug, title, summary string
	date                 time.Time
	tags                 []string
	body                 string
}

// markdown returns the post's file: TOML front matter that both marque and
// Hugo read, then the body.
func (a *article) markdown() string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\n", tomlString(a.title))
	fmt.Fprintf(&b, "date = %s\n", a.date.Format(time.DateOnly))
	fmt.Fprintf(&b, "summary = %s\n", tomlString(a.summary))
	quoted := make([]string, len(a.tags))
	for i, t := range a.tags {
		quoted[i] = tomlString(t)
	}
	fmt.Fprintf(&b, "tags = [%s]\n", strings.Join(quoted, ", "))
	b.WriteString("+++\n\n")
	b.WriteString(a.body)
	return b.String()
}

// tomlString quotes s as a TOML basic string. The generated text holds no
// control characters, so escaping the quote and the backslash is enough.
func tomlString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// slugOf names post i's file, and so its URL on both sides.
func slugOf(i int) string { return fmt.Sprintf("post-%04d", i) }

// newRand returns the random source of one part of post i. Each post has
// its own sources, so its text does not depend on how many posts come
// before or after it.
func newRand(seed uint64, i int, part uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, uint64(i)<<8|part))
}

// dateOf spreads n posts back from last: one post every few days, weekly at
// most so that a weekly cadence holds, and over eight years at most so that
// large corpora stay plausible (several posts a day then share a date).
func dateOf(i, n int, last time.Time) time.Time {
	step := min(7.0, 8*365.0/float64(n))
	return last.AddDate(0, 0, -int(float64(n-i)*step))
}

// writeArticle makes post i of n. Its title, topic and tags come from one
// random source, its body from another; its links point to posts before it,
// whose titles it recomputes.
func writeArticle(seed uint64, i, n int, last time.Time) *article {
	h := headOf(seed, i)
	a := &article{
		slug:    slugOf(i),
		title:   h.title,
		summary: h.summary,
		date:    dateOf(i, n, last),
		tags:    h.tags,
	}
	r := newRand(seed, i, 1)
	w := &writer{
		r: r, lang: h.lang, topic: h.topic, seed: seed, self: i, tableDue: i%5 == 0,
		sentences: &deck{r: r, pool: h.lang.sentences},
		h2:        &deck{r: r, pool: h.lang.h2},
		h3:        &deck{r: r, pool: h.lang.h3},
	}
	a.body = w.body()
	return a
}

// head is what a post's title, summary and tags are made from.
type head struct {
	lang           *language
	topic          topic
	title, summary string
	tags           []string
}

// headOf returns post i's head. Odd posts are French, even ones English.
func headOf(seed uint64, i int) head {
	r := newRand(seed, i, 0)
	l := &french
	if i%2 == 0 {
		l = &english
	}
	t := l.topics[r.IntN(len(l.topics))]
	title := pick(r, l.titles)
	title = strings.ReplaceAll(title, "{T}", t.phrase)
	title = strings.ReplaceAll(title, "{Tc}", capitalize(t.phrase))
	title += pick(r, l.titleEnds)
	summary := strings.ReplaceAll(pick(r, l.summaries), "{T}", t.phrase)
	tags := []string{t.tag}
	for len(tags) < 2+r.IntN(2) {
		tag := tagPool[r.IntN(len(tagPool))]
		if !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
	}
	return head{lang: l, topic: t, title: l.typo(title), summary: l.typo(summary), tags: tags}
}

// writer writes the body of one post.
type writer struct {
	r        *rand.Rand
	lang     *language
	topic    topic
	seed     uint64
	self     int // the post's number; links go to posts before it
	tableDue bool
	b        strings.Builder
	words    int

	sentences, h2, h3 *deck
}

// deck draws from a pool without repeating itself until the pool runs
// out, so that a post does not say the same thing twice in a row.
type deck struct {
	r    *rand.Rand
	pool []string
	next []int
}

func (d *deck) draw() string {
	if len(d.next) == 0 {
		d.next = d.r.Perm(len(d.pool))
	}
	s := d.pool[d.next[0]]
	d.next = d.next[1:]
	return s
}

func (w *writer) body() string {
	w.paragraph(3 + w.r.IntN(2))
	links := 0
	if w.self > 1 {
		links = 2 + w.r.IntN(2)
	}
	quoted, listed := false, 0
	for w.words < wordsPerPost {
		w.heading(2, w.h2)
		w.paragraph(3 + w.r.IntN(3))
		if links > 0 {
			w.linkParagraph()
			links--
		}
		switch {
		case listed < 2 && w.r.IntN(2) == 0:
			w.list()
			listed++
		case !quoted && w.r.IntN(2) == 0:
			w.quote()
			quoted = true
		case w.tableDue:
			w.table()
			w.tableDue = false
		}
		if w.r.IntN(3) == 0 {
			w.heading(3, w.h3)
			w.paragraph(2 + w.r.IntN(3))
		}
		w.paragraph(2 + w.r.IntN(3))
	}
	if !quoted {
		w.quote()
	}
	return w.b.String()
}

func (w *writer) block(s string) {
	w.words += len(strings.Fields(s))
	w.b.WriteString(s)
	w.b.WriteString("\n\n")
}

func (w *writer) heading(level int, d *deck) {
	w.block(strings.Repeat("#", level) + " " + w.lang.typo(d.draw()))
}

// sentence returns one sentence with its slots filled: the topic, and a
// code span, added after the typography so that code stays verbatim.
func (w *writer) sentence() string {
	s := w.sentences.draw()
	s = w.lang.typo(strings.ReplaceAll(s, "{T}", w.topic.phrase))
	return strings.ReplaceAll(s, "{C}", "`"+pick(w.r, codeSpans)+"`")
}

// paragraph writes n sentences, with a word or two in emphasis.
func (w *writer) paragraph(n int) {
	s := make([]string, n)
	for i := range s {
		s[i] = w.sentence()
	}
	w.block(emphasize(w.r, strings.Join(s, " ")))
}

// linkParagraph writes a paragraph that links to an earlier post by its
// URL on both sites, /posts/<slug>/, sometimes under its title.
func (w *writer) linkParagraph() {
	j := 1 + w.r.IntN(w.self-1)
	text := pick(w.r, w.lang.linkTexts)
	if w.r.IntN(2) == 0 {
		text = headOf(w.seed, j).title
	}
	link := w.lang.typo(pick(w.r, w.lang.linkSentences))
	link = strings.ReplaceAll(link, "{L}", "["+text+"](/posts/"+slugOf(j)+"/)")
	w.block(w.sentence() + " " + link + " " + w.sentence())
}

func (w *writer) list() {
	items := w.r.Perm(len(w.lang.items))[:3+w.r.IntN(3)]
	ordered := w.r.IntN(3) == 0
	lines := make([]string, len(items))
	for k, it := range items {
		marker := "-"
		if ordered {
			marker = fmt.Sprintf("%d.", k+1)
		}
		text := capitalize(w.lang.typo(w.lang.items[it]))
		if w.r.IntN(3) == 0 {
			first, rest, _ := strings.Cut(text, " ")
			text = "**" + first + "** " + rest
		}
		lines[k] = marker + " " + text
	}
	w.paragraph(1)
	w.block(strings.Join(lines, "\n"))
}

func (w *writer) quote() {
	w.block("> " + w.lang.typo(pick(w.r, w.lang.quotes)))
}

// table writes a before/after table of audit counts, with right-aligned
// figures.
func (w *writer) table() {
	rows := w.r.Perm(len(w.lang.criteria))[:3+w.r.IntN(3)]
	var b strings.Builder
	fmt.Fprintf(&b, "| %s | %s | %s |\n|---|--:|--:|", w.lang.tableHead[0], w.lang.tableHead[1], w.lang.tableHead[2])
	for _, row := range rows {
		before := 5 + w.r.IntN(30)
		fmt.Fprintf(&b, "\n| %s | %d | %d |", w.lang.criteria[row], before, w.r.IntN(before/2+1))
	}
	w.paragraph(1)
	w.block(b.String())
}

// emphasize puts one word of s in italics and, now and then, another in
// bold. Only plain words are chosen, so that markup never wraps
// punctuation.
func emphasize(r *rand.Rand, s string) string {
	words := strings.Split(s, " ")
	for _, mark := range []string{"*", "**"} {
		if mark == "**" && r.IntN(4) != 0 {
			break
		}
		k := r.IntN(len(words))
		if !plainWord(words[k]) {
			continue
		}
		words[k] = mark + words[k] + mark
	}
	return strings.Join(words, " ")
}

func plainWord(s string) bool {
	if len([]rune(s)) < 5 {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

func pick(r *rand.Rand, pool []string) string { return pool[r.IntN(len(pool))] }

func capitalize(s string) string {
	for i, c := range s {
		return string(unicode.ToUpper(c)) + s[i+len(string(c)):]
	}
	return s
}

// Command valekit prepares and checks the comparison of marque's voice
// linter with Vale on a generated kit (see bench/run.sh).
//
// Usage:
//
//	valekit style -kit KIT -out DIR     write DIR/.vale.ini and a Vale style equivalent to KIT's [voice]
//	valekit plant -kit KIT -every N     add known problems to every Nth post of KIT
//	valekit compare -kit KIT -marque FILE -vale FILE
//	                                    compare marque's findings (JSON) with Vale's alerts (JSON)
//	valekit lint -kit KIT               run marque's voice linter alone on the posts and the About page,
//	                                    and print how many findings it made
//
// The style holds only what Vale can do as marque does: existence rules for
// the banned words and the confidential names, a substitution rule for
// [voice.prefer], occurrence rules for the sentence length and for the
// exclamation marks of a post. Both tools then report the same problems,
// and compare says so, rule by rule and line by line, so that neither wins
// a timing by doing less. Vale does not read front matter: compare counts
// marque's findings in post bodies only. marque check does much more than
// lint (it renders the whole site in memory and runs every check); lint
// times the part of it that does what Vale does: read the posts, parse
// their Markdown, check their voice.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/marque-kit/marque/internal/brand"
	"github.com/marque-kit/marque/internal/markdown"
	"github.com/marque-kit/marque/internal/post"
	"github.com/marque-kit/marque/internal/voice"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	fset := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	kit := fset.String("kit", "", "the marque kit `folder`")
	out := fset.String("out", "", "the `folder` to write the Vale configuration into")
	every := fset.Int("every", 10, "plant problems in every `N`th post")
	marqueJSON := fset.String("marque", "", "marque check --format json output")
	valeJSON := fset.String("vale", "", "vale --output=JSON output")
	fset.Parse(os.Args[2:])
	if *kit == "" {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "style":
		err = writeStyle(*kit, *out)
	case "plant":
		err = plant(*kit, *every)
	case "compare":
		err = compare(*kit, *marqueJSON, *valeJSON)
	case "lint":
		err = lint(*kit)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "valekit:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: valekit style|plant|compare|lint -kit KIT [-out DIR] [-every N] [-marque FILE -vale FILE]")
	os.Exit(2)
}

func loadProfile(kit string) (*brand.Profile, error) {
	p, l := brand.Load(os.DirFS(kit))
	if p == nil || l.Unusable() {
		return nil, fmt.Errorf("%s/brand.toml: %v", kit, l.Items())
	}
	return p, nil
}

// checks maps marque's rule ids to the names of the Vale checks that do
// the same.
var checks = map[string]string{
	"voice.banned":          "Marque.Banned",
	"voice.confidential":    "Marque.Confidential",
	"voice.prefer":          "Marque.Prefer",
	"voice.sentence-length": "Marque.SentenceLength",
	"voice.exclamation":     "Marque.Exclamation",
}

func writeStyle(kit, out string) error {
	p, err := loadProfile(kit)
	if err != nil {
		return err
	}
	lang := p.Person.Language
	dir := filepath.Join(out, "styles", "Marque")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string]string{
		filepath.Join(out, ".vale.ini"): "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Marque\n",
		filepath.Join(dir, "Banned.yml"): "extends: existence\nmessage: \"'%s': the brand never says it\"\nlevel: error\nignorecase: true\ntokens:\n" +
			tokens(p.Voice.Banned, lang, true),
		filepath.Join(dir, "Confidential.yml"): "extends: existence\nmessage: \"'%s' is confidential\"\nlevel: error\nignorecase: true\ntokens:\n" +
			tokens(p.Voice.Confidential, lang, false),
		filepath.Join(dir, "SentenceLength.yml"): fmt.Sprintf("extends: occurrence\nmessage: \"A sentence of more than %d words\"\nlevel: warning\n"+
			"scope: sentence\nmax: %d\n# marque's words: runs of letters, with their apostrophes and hyphens; numbers are none.\n"+
			"token: '\\p{L}[\\p{L}\\p{M}\\p{N}''’-]*'\n", p.Voice.MaxSentenceWords, p.Voice.MaxSentenceWords),
		filepath.Join(dir, "Exclamation.yml"): fmt.Sprintf("extends: occurrence\nmessage: \"More than %d exclamation marks\"\nlevel: warning\n"+
			"scope: summary\nmax: %d\ntoken: '!'\n", p.Voice.MaxExclamations, p.Voice.MaxExclamations),
	}
	var swap strings.Builder
	for _, pr := range p.Voice.Prefer {
		fmt.Fprintf(&swap, "  '%s': %s\n", yamlQuote(pattern(pr.Wrong, lang, true)), pr.Right)
	}
	files[filepath.Join(dir, "Prefer.yml")] = "extends: substitution\nmessage: \"'%s': the brand says '%s'\"\nlevel: warning\nignorecase: true\nswap:\n" + swap.String()
	for name, data := range files {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func tokens(words []string, lang string, wildcard bool) string {
	var b strings.Builder
	for _, w := range words {
		fmt.Fprintf(&b, "  - '%s'\n", yamlQuote(pattern(w, lang, wildcard)))
	}
	return b.String()
}

func yamlQuote(s string) string { return strings.ReplaceAll(s, "'", "''") }

// variants are the letters marque's matching does not tell apart: it
// ignores accents, and reads ’ as '.
var variants = map[rune]string{
	'a': "aàâä", 'e': "eéèêë", 'i': "iîï", 'o': "oôö", 'u': "uùûü", 'c': "cç", 'y': "yÿ", '\'': "'’",
}

// pattern turns a marque word pattern into the regular expression that
// matches what marque matches: any case and accents, words apart by
// spaces or joined by a hyphen, and a trailing * for any ending, after the
// stems marque's voice package gives the word (voice.Stems: disruptif* is
// also disruptiv…, leverage* leverag…).
func pattern(w, lang string, wildcard bool) string {
	stem, star := strings.CutSuffix(strings.TrimSpace(w), "*")
	if !wildcard {
		stem, star = strings.TrimSpace(w), false
	}
	words := strings.Fields(stem)
	var b strings.Builder
	for i, word := range words {
		if i > 0 {
			b.WriteString(`(?:\s+|-)`)
		}
		last := i == len(words)-1
		forms := []string{strings.ToLower(word)}
		if last && star {
			forms = voice.Stems(forms[0], lang)
		}
		if len(forms) > 1 {
			b.WriteString("(?:")
		}
		for k, f := range forms {
			if k > 0 {
				b.WriteString("|")
			}
			for _, r := range f {
				if v, ok := variants[baseLetter(r)]; ok {
					b.WriteString("[" + v + "]")
				} else {
					b.WriteString(regexp.QuoteMeta(string(r)))
				}
			}
		}
		if len(forms) > 1 {
			b.WriteString(")")
		}
		if last && star {
			b.WriteString(`[\p{L}\p{M}\p{N}]*`)
		}
	}
	return b.String()
}

func baseLetter(r rune) rune {
	for base, v := range variants {
		if strings.ContainsRune(v, r) {
			return base
		}
	}
	return r
}

// plant appends a paragraph of known problems to every nth post (by file
// name): a banned word, a confidential name, a word to replace, a sentence
// too long, and one exclamation mark more than the brand allows, each
// taken in turn from the profile's lists.
func plant(kit string, n int) error {
	p, err := loadProfile(kit)
	if err != nil {
		return err
	}
	v := p.Voice
	if len(v.Banned) == 0 || len(v.Confidential) == 0 || len(v.Prefer) == 0 || v.MaxSentenceWords == 0 {
		return errors.New("the profile needs banned, confidential and prefer lists and a sentence length to plant problems")
	}
	names, err := filepath.Glob(filepath.Join(kit, "content", "posts", "*.md"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	filler := strings.Fields("chaque projet demande du temps de la méthode et une écoute attentive des équipes qui " +
		"utilisent les services au quotidien pendant des mois avant que les résultats ne se voient vraiment")
	for i := n - 1; i < len(names); i += n {
		k := i / n
		banned := strings.TrimSuffix(v.Banned[k%len(v.Banned)], "*")
		if strings.HasSuffix(v.Banned[k%len(v.Banned)], "*") {
			banned += "s"
		}
		long := filler
		for len(long) <= v.MaxSentenceWords+4 {
			long = append(long, filler...)
		}
		para := fmt.Sprintf("\n\nLa %s ne remplace pas le travail avec %s, et un %s ne suffit pas\u202f!%s %s.\n",
			banned, v.Confidential[k%len(v.Confidential)], v.Prefer[k%len(v.Prefer)].Wrong,
			strings.Repeat(" Vraiment\u202f!", v.MaxExclamations), capitalize(strings.Join(long[:v.MaxSentenceWords+5], " ")))
		f, err := os.OpenFile(names[i], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		_, err = f.WriteString(para)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

type marqueFinding struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Rule string `json:"rule"`
}

type valeAlert struct {
	Check string `json:"Check"`
	Line  int    `json:"Line"`
}

// compare prints, for each rule, how many findings each tool reported and
// on how many lines they differ, and fails when they differ at all.
func compare(kit, marquePath, valePath string) error {
	var mf []marqueFinding
	var va map[string][]valeAlert
	if err := readJSON(marquePath, &mf); err != nil {
		return err
	}
	if err := readJSON(valePath, &va); err != nil {
		return err
	}
	bodyStart := map[string]int{} // kit-relative file -> first line after the front matter
	at := func(file string) int {
		if n, ok := bodyStart[file]; ok {
			return n
		}
		n := frontMatterEnd(filepath.Join(kit, file))
		bodyStart[file] = n
		return n
	}
	type key struct {
		file string
		line int
	}
	got := map[string]map[key]int{} // Vale check -> place -> count, for both tools
	count := func(tool, check string, k key) {
		name := tool + " " + check
		if got[name] == nil {
			got[name] = map[key]int{}
		}
		got[name][k]++
	}
	for _, f := range mf {
		check, ok := checks[f.Rule]
		if !ok || !strings.HasPrefix(f.File, "content/") || f.Line < at(f.File) {
			continue
		}
		count("marque", check, key{f.File, f.Line})
	}
	for file, alerts := range va {
		rel, err := filepath.Rel(kit, file)
		if err != nil || strings.HasPrefix(rel, "..") {
			rel = file
		}
		for _, a := range alerts {
			count("vale", a.Check, key{filepath.ToSlash(rel), a.Line})
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for _, c := range checks {
			if !yield(c) {
				return
			}
		}
	})
	fmt.Println("| rule | marque | Vale | lines that differ |")
	fmt.Println("|---|--:|--:|--:|")
	differ := 0
	for _, c := range names {
		m, v := got["marque "+c], got["vale "+c]
		diff := 0
		for k, n := range m {
			if v[k] != n {
				diff++
			}
		}
		for k, n := range v {
			if _, ok := m[k]; !ok && n > 0 {
				diff++
			}
		}
		differ += diff
		fmt.Printf("| %s | %d | %d | %d |\n", c, total(m), total(v), diff)
	}
	if differ > 0 {
		return fmt.Errorf("marque and Vale differ on %d lines", differ)
	}
	return nil
}

func total[K comparable](m map[K]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

func readJSON(name string, v any) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// frontMatterEnd returns the line after the closing +++ of a post's front
// matter, or 1 when it has none.
func frontMatterEnd(name string) int {
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) || err != nil {
		return 1
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "+++" {
		return 1
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "+++" {
			return i + 2
		}
	}
	return 1
}

// lint loads the kit's profile and posts and runs the voice linter on each
// post and the About page, in parallel as marque does, after rendering
// their Markdown.
func lint(kit string) error {
	fsys := os.DirFS(kit)
	p, err := loadProfile(kit)
	if err != nil {
		return err
	}
	posts, _ := post.Load(fsys)
	c, err := voice.New(p)
	if err != nil {
		return err
	}
	md := markdown.New(p.Person.Language)
	counts := make([]int, len(posts)+1)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, ps := range posts {
		g.Go(func() error {
			d, err := md.Render(ps.Body)
			if err != nil {
				return err
			}
			counts[i] = c.Check(voice.PostDoc(ps, d)).Findings.Len()
			return nil
		})
	}
	g.Go(func() error {
		page, _ := post.LoadPage(fsys, post.AboutFile)
		if page == nil {
			return nil
		}
		d, err := md.Render(page.Body)
		if err != nil {
			return err
		}
		counts[len(posts)] = c.Check(voice.PageDoc(page.File, page.BodyOffset, d)).Findings.Len()
		return nil
	})
	if err := g.Wait(); err != nil {
		return err
	}
	n := c.Check(voice.ProfileDoc(p)).Findings.Len()
	for _, k := range counts {
		n += k
	}
	fmt.Printf("%d findings in %d posts\n", n, len(posts))
	return nil
}

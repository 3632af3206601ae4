package devserver

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// postWith returns a post titled title.
func postWith(title, body string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2026-01-05\n+++\n" + body + "\n"
}

func has(s string) func(response) bool {
	return func(r response) bool { return r.status == 200 && strings.Contains(r.body, s) }
}

// TestEdits changes the kit the ways people and their editors do, while
// serving, and checks that the site follows each time.
func TestEdits(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	wait := func(uri, what string, ok func(response) bool) {
		t.Helper()
		ts.waitFor(t, uri, 5*time.Second, what, ok)
	}
	gone := func(r response) bool { return r.status == 404 }

	t.Run("edit", func(t *testing.T) {
		writeFile(t, dir, "content/posts/a.md", postWith("Alpha", "Texte modifié."))
		wait("/posts/a/", "edited", has("Texte modifié."))
	})
	t.Run("new post", func(t *testing.T) {
		writeFile(t, dir, "content/posts/c.md", postWith("Charlie", "Troisième."))
		wait("/posts/c/", "added", has("Troisième."))
	})
	t.Run("atomic save", func(t *testing.T) {
		// As vim, VS Code and others save: write aside, rename over.
		tmp := filepath.Join(dir, "content/posts/.c.md.swp")
		if err := os.WriteFile(tmp, []byte(postWith("Charlie", "Sauvé à part.")), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, "content/posts/c.md")); err != nil {
			t.Fatal(err)
		}
		wait("/posts/c/", "saved", has("Sauvé à part."))
	})
	t.Run("rename", func(t *testing.T) {
		if err := os.Rename(filepath.Join(dir, "content/posts/c.md"), filepath.Join(dir, "content/posts/delta.md")); err != nil {
			t.Fatal(err)
		}
		wait("/posts/delta/", "renamed", has("Sauvé à part."))
		wait("/posts/c/", "gone", gone)
	})
	t.Run("delete", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, "content/posts/delta.md")); err != nil {
			t.Fatal(err)
		}
		wait("/posts/delta/", "gone", gone)
	})
	t.Run("new folder", func(t *testing.T) {
		// A folder made after the server started is watched too: a
		// later edit inside it is seen.
		writeFile(t, dir, "content/posts/echo/index.md", postWith("Echo", "Un dossier."))
		wait("/posts/echo/", "added", has("Un dossier."))
		writeFile(t, dir, "content/posts/echo/index.md", postWith("Echo", "Dans le dossier, modifié."))
		wait("/posts/echo/", "edited", has("Dans le dossier, modifié."))
	})
	t.Run("renamed folder", func(t *testing.T) {
		if err := os.Rename(filepath.Join(dir, "content/posts/echo"), filepath.Join(dir, "content/posts/foxtrot")); err != nil {
			t.Fatal(err)
		}
		wait("/posts/foxtrot/", "renamed", has("Dans le dossier, modifié."))
		writeFile(t, dir, "content/posts/foxtrot/index.md", postWith("Foxtrot", "Renommé puis modifié."))
		wait("/posts/foxtrot/", "edited", has("Renommé puis modifié."))
	})
	t.Run("nested new folders", func(t *testing.T) {
		// content/ made anew, two levels at once, as a copy or a git
		// checkout makes them.
		if err := os.RemoveAll(filepath.Join(dir, "content")); err != nil {
			t.Fatal(err)
		}
		wait("/posts/a/", "gone", gone)
		writeFile(t, dir, "content/posts/golf/index.md", postWith("Golf", "Tout neuf."))
		wait("/posts/golf/", "added", has("Tout neuf."))
		writeFile(t, dir, "content/posts/golf/index.md", postWith("Golf", "Tout neuf, modifié."))
		wait("/posts/golf/", "edited", has("Tout neuf, modifié."))
	})
	t.Run("theme", func(t *testing.T) {
		writeFile(t, dir, "theme/static/extra.txt", "un fichier du thème")
		wait("/extra.txt", "added", func(r response) bool { return r.status == 200 && r.body == "un fichier du thème" })
	})
}

// TestBadInput feeds the server what it must survive: a half-written post,
// a binary file, a 20 MB post, and files gone mid-build. It keeps
// answering, shows findings, and ends on the kit's last state.
func TestBadInput(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	wait := func(uri, what string, ok func(response) bool) response {
		t.Helper()
		return ts.waitFor(t, uri, 10*time.Second, what, ok)
	}

	// A post that does not parse makes the kit unusable, as for build:
	// every page shows the error page with the post's finding.
	unusable := func(file string) func(response) bool {
		return func(r response) bool {
			return r.status == 500 && strings.Contains(r.body, "content.syntax") && strings.Contains(r.body, file)
		}
	}
	t.Run("half-written post", func(t *testing.T) {
		writeFile(t, dir, "content/posts/a.md", "+++\ntitle = \"Alp")
		wait("/posts/a/", "the error page", unusable("content/posts/a.md"))
		writeFile(t, dir, "content/posts/a.md", postWith("Alpha", "Fini d’écrire."))
		wait("/posts/a/", "whole again", has("Fini d’écrire."))
	})
	t.Run("binary file", func(t *testing.T) {
		junk := make([]byte, 64<<10)
		rand.Read(junk)
		n := ts.builds()
		writeFile(t, dir, "content/blob.bin", string(junk)) // not a post: nothing to say
		ts.waitBuilds(t, n+1)
		wait("/posts/a/", "served still", has("Fini d’écrire."))
		writeFile(t, dir, "content/posts/photo.md", string(junk))
		wait("/posts/a/", "the error page", unusable("content/posts/photo.md"))
		os.Remove(filepath.Join(dir, "content/posts/photo.md"))
		wait("/posts/a/", "whole again", has("Fini d’écrire."))
		os.Remove(filepath.Join(dir, "content/blob.bin"))
	})
	t.Run("20 MB post", func(t *testing.T) {
		// Saved aside, then renamed: written in place, it could be
		// built half written, which the subtest above tests.
		saveFile(t, dir, "content/posts/enorme.md", hugePost())
		// The server answers while it builds, from the build before:
		// the answer comes before the build's end.
		time.Sleep(100 * time.Millisecond) // past the debounce
		start := time.Now()
		if r := ts.get(t, "/posts/a/"); r.status != 200 || !strings.Contains(r.body, "Fini d’écrire.") {
			t.Errorf("GET during the build: %d", r.status)
		}
		if st := ts.cur.Load(); !st.broken() && st.site().Has("posts/enorme/index.html") {
			t.Errorf("the GET during the build ended after the build (%v)", time.Since(start))
		}
		// Checking 20 MB of prose takes seconds, more on a busy machine.
		ts.waitFor(t, "/posts/enorme/", time.Minute, "built", has("Fin de l’énorme article."))
		t.Logf("built: %s", ts.stderr.String()[strings.LastIndex(strings.TrimSpace(ts.stderr.String()), "\n")+1:])
		os.Remove(filepath.Join(dir, "content/posts/enorme.md"))
		wait("/posts/enorme/", "gone", func(r response) bool { return r.status == 404 })
	})
	t.Run("files removed during builds", func(t *testing.T) {
		// Bundles appear and vanish, with their images, for a second:
		// long enough for builds to run meanwhile (a stream of changes
		// is built every ten debounce periods).
		n := ts.builds()
		for i := range 50 {
			name := fmt.Sprintf("content/posts/b%d/index.md", i)
			writeFile(t, dir, name, postWith("Bundle", "![plan](plan.png)"))
			writeFile(t, dir, fmt.Sprintf("content/posts/b%d/plan.png", i), "pas une image")
			time.Sleep(10 * time.Millisecond)
			os.RemoveAll(filepath.Join(dir, filepath.Dir(name)))
			time.Sleep(10 * time.Millisecond)
		}
		if ts.builds() == n {
			t.Errorf("no build ran while files came and went")
		}
		wait("/posts/a/", "served", has("Fini d’écrire."))
		wait("/posts/b49/", "gone", func(r response) bool { return r.status == 404 })
	})
}

// hugePost returns a post of 20 MB, whose page ends with "Fin de l’énorme
// article."
func hugePost() string {
	var b strings.Builder
	b.WriteString(postWith("Énorme", "Début de l’énorme article."))
	para := strings.Repeat("Une phrase d’un très long article sur la lumière. ", 20) + "\n\n"
	for b.Len() < 20<<20 {
		b.WriteString(para)
	}
	b.WriteString("Fin de l’énorme article.\n")
	return b.String()
}

// TestSaveStorm saves one post 200 times in a second while pages are
// fetched: every request is answered, far fewer builds than saves run, and
// the site ends on the last save.
func TestSaveStorm(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir)
	before := ts.builds()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var failures []string
	var mu sync.Mutex
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			r, err := ts.try("GET", "/posts/a/")
			// A build that reads the post mid-write (os.WriteFile
			// truncates, then writes) finds it unusable, and the error
			// page shows until the next build: that is no failure.
			broken := r.status == 500 && strings.Contains(r.body, "The kit does not build")
			if err != nil || (r.status != 200 && !broken) {
				mu.Lock()
				failures = append(failures, fmt.Sprint(r.status, err))
				mu.Unlock()
			}
		}
	}()
	const saves = 200
	begin := time.Now()
	last := begin
	pauses := 0 // between two saves, long enough for a build to be shown
	for i := range saves {
		writeFile(t, dir, "content/posts/a.md", postWith("Alpha", fmt.Sprintf("Version %d.", i)))
		// A busy machine may sleep much longer than asked: the kit is
		// then quiet, and a build is rightly shown. (A little less than
		// the debounce period: the events come a little after the
		// writes.)
		if now := time.Now(); now.Sub(last) >= defaultDebounce*3/4 {
			pauses++
		}
		last = time.Now()
		time.Sleep(time.Second / saves)
	}
	took := time.Since(begin)
	ts.waitFor(t, "/posts/a/", 5*time.Second, "the last save", has(fmt.Sprintf("Version %d.", saves-1)))
	close(stop)
	wg.Wait()
	if len(failures) > 0 {
		t.Errorf("requests failed during the saves: %v", failures)
	}
	// The debounce: a stream of saves builds every ten debounce periods
	// at most, and once after each pause, plus the last. Unhurried, that
	// is six builds for the second of saves.
	most := int(took/(maxWaitFactor*defaultDebounce)) + pauses + 2
	n := int(ts.builds() - before)
	if n > most {
		t.Errorf("%d builds for %d saves in %v with %d pauses, want %d at most", n, saves, took.Round(time.Millisecond), pauses, most)
	}
	t.Logf("%d saves in %v with %d pauses, %d builds", saves, took.Round(time.Millisecond), pauses, n)
}

// TestAtomicSaveBuildsOnce checks that one save made of several file
// events (write aside, rename over) makes one build.
func TestAtomicSaveBuildsOnce(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir, func(o *Options) { o.Debounce = 200 * time.Millisecond })
	before := ts.builds()
	tmp := filepath.Join(dir, "content/posts/a.md.tmp~")
	if err := os.WriteFile(tmp, []byte(postWith("Alpha", "Une seule fois.")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "content/posts/a.md")); err != nil {
		t.Fatal(err)
	}
	ts.waitFor(t, "/posts/a/", 5*time.Second, "saved", has("Une seule fois."))
	time.Sleep(400 * time.Millisecond) // room for a second build, were there one
	if n := ts.builds() - before; n != 1 {
		t.Errorf("%d builds for one save, want 1", n)
	}
}

// TestSaveInTwoWrites saves a post in two writes 50 ms apart, the first
// of which leaves it half written: the rebuild that the first starts at
// once is never shown, and the open page reloads once, on the whole post.
func TestSaveInTwoWrites(t *testing.T) {
	dir := writeKit(t, smallKit)
	ts := serve(t, dir, func(o *Options) { o.Debounce = 400 * time.Millisecond })
	before := ts.builds()
	reloads := ts.events(t, "/posts/a/", pageVersion(t, ts.get(t, "/posts/a/").body))
	writeFile(t, dir, "content/posts/a.md", "+++\ntitle = \"Alp")
	time.Sleep(50 * time.Millisecond)
	writeFile(t, dir, "content/posts/a.md", postWith("Alpha", "Écrit en deux fois."))
	ts.waitFor(t, "/posts/a/", 5*time.Second, "saved", has("Écrit en deux fois."))
	time.Sleep(800 * time.Millisecond) // room for another build, were there one
	if n := ts.builds() - before; n != 1 {
		t.Errorf("%d builds shown for one save in two writes, want 1; stderr:\n%s", n, ts.stderr)
	}
	if strings.Contains(ts.stderr.String(), "does not build") {
		t.Errorf("the half-written post was shown:\n%s", ts.stderr)
	}
	n := 0
	for len(reloads) > 0 {
		<-reloads
		n++
	}
	if n != 1 {
		t.Errorf("the open page was told to reload %d times, want 1", n)
	}
}

// TestRelevant checks which file events start a build.
func TestRelevant(t *testing.T) {
	root := filepath.FromSlash("/kit")
	w := &watcher{root: root}
	tests := []struct {
		name string
		op   fsnotify.Op
		want bool
	}{
		{"brand.toml", fsnotify.Write, true},
		{"brand.toml", fsnotify.Create, true},
		{"brand.toml", fsnotify.Chmod, false},
		{"content", fsnotify.Create, true},
		{"content/posts/a.md", fsnotify.Write, true},
		{"content/posts/a.md", fsnotify.Remove, true},
		{"content/posts/a.md", fsnotify.Rename, true},
		{"content/posts/b/plan.png", fsnotify.Create, true},
		{"assets/photo.jpg", fsnotify.Write, true},
		{"theme/templates/post.html", fsnotify.Write, true},
		{"content/posts/.a.md.swp", fsnotify.Write, false},
		{"content/posts/a.md~", fsnotify.Create, false},
		{"content/.git", fsnotify.Create, false},
		{"public/index.html", fsnotify.Write, false},
		{"public", fsnotify.Create, false},
		{".cache/marque/x", fsnotify.Write, false},
		{"brand.toml.tmp", fsnotify.Create, false},
		{"README.md", fsnotify.Write, false},
	}
	for _, tt := range tests {
		ev := fsnotify.Event{Name: filepath.Join(root, filepath.FromSlash(tt.name)), Op: tt.op}
		if got := w.relevant(ev); got != tt.want {
			t.Errorf("relevant(%s %s) = %v, want %v", tt.op, tt.name, got, tt.want)
		}
	}
}

//go:build ignore

// gen writes the two data files of package count from files that Debian
// packages ship:
//
//	go run gen.go -psl /usr/share/publicsuffix/public_suffix_list.dat \
//	    -emoji /usr/share/unicode/emoji/emoji-test.txt
//
// (packages publicsuffix and unicode-data). data/tlds.txt gets every
// top-level domain of the Public Suffix List's ICANN section, one per line;
// data/emoji11.txt gets every emoji sequence of emoji-test.txt that Emoji
// 11.0 or earlier added, qualified or not, as hexadecimal code points: the
// table twitter-text v3 counts emoji with.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	psl := flag.String("psl", "", "the Public Suffix List `file`")
	emoji := flag.String("emoji", "", "Unicode's emoji-test.txt `file`")
	flag.Parse()
	if *psl == "" || *emoji == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := tlds(*psl, "data/tlds.txt"); err != nil {
		log.Fatal(err)
	}
	if err := emojis(*emoji, "data/emoji11.txt"); err != nil {
		log.Fatal(err)
	}
}

func tlds(src, dst string) error {
	lines, err := readLines(src)
	if err != nil {
		return err
	}
	var version string
	set := map[string]bool{}
	icann := false
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "// VERSION: "):
			version = strings.TrimPrefix(l, "// VERSION: ")
		case strings.Contains(l, "===BEGIN ICANN DOMAINS==="):
			icann = true
		case strings.Contains(l, "===END ICANN DOMAINS==="):
			icann = false
		case icann && l != "" && !strings.HasPrefix(l, "//"):
			rule := strings.TrimPrefix(strings.TrimPrefix(l, "!"), "*.")
			tld := rule[strings.LastIndex(rule, ".")+1:]
			set[strings.ToLower(tld)] = true
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	slices.Sort(names)
	head := "# Top-level domains: the ICANN section of the Public Suffix List" +
		versionNote(version) + ",\n# one per line. Derived from https://publicsuffix.org/list/ by gen.go;\n" +
		"# the list is under the Mozilla Public License 2.0 (see LICENSE-tlds).\n"
	return os.WriteFile(dst, []byte(head+strings.Join(names, "\n")+"\n"), 0o644)
}

func versionNote(v string) string {
	if v == "" {
		return ""
	}
	return " (" + v + ")"
}

func emojis(src, dst string) error {
	lines, err := readLines(src)
	if err != nil {
		return err
	}
	var out []string
	for _, l := range lines {
		data, comment, ok := strings.Cut(l, "#")
		if !ok || strings.TrimSpace(data) == "" {
			continue
		}
		cps, status, _ := strings.Cut(data, ";")
		if strings.TrimSpace(status) == "" {
			continue
		}
		// The comment reads "<emoji> E<version> <name>".
		fields := strings.Fields(comment)
		if len(fields) < 2 || !strings.HasPrefix(fields[1], "E") {
			return fmt.Errorf("%s: no version in %q", src, l)
		}
		v, err := strconv.ParseFloat(fields[1][1:], 64)
		if err != nil {
			return fmt.Errorf("%s: %v", src, err)
		}
		if v <= 11.0 {
			out = append(out, strings.Join(strings.Fields(cps), " "))
		}
	}
	head := "# Emoji sequences of Emoji 11.0 and earlier, one per line, as hexadecimal\n" +
		"# code points, whatever their qualification. Derived by gen.go\n" +
		"# from Unicode's emoji-test.txt, modified (filtered by version); Unicode data\n" +
		"# files are under the Unicode licence (see LICENSE-emoji).\n"
	return os.WriteFile(dst, []byte(head+strings.Join(out, "\n")+"\n"), 0o644)
}

func readLines(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		lines = append(lines, strings.TrimSpace(s.Text()))
	}
	return lines, s.Err()
}

#!/usr/bin/env python3
# label.py LABELS RUNDIR: applies LABELS (rule<TAB>regex over "file:line message"<TAB>T|F|D<TAB>pattern; first match
# wins) to RUNDIR/diagnostics.tsv from collect.sh; writes RUNDIR/labelled.tsv and prints counts per rule, the patterns
# and every diagnostic no label covers (label those by reading the code, then rerun).
import collections, csv, re, sys

labels_path, run = sys.argv[1], sys.argv[2]
labels = []
for line in open(labels_path, encoding='utf-8'):
    if line.strip() and not line.startswith('#'):
        rule, rx, verdict, pattern = line.rstrip('\n').split('\t')
        labels.append((rule, re.compile(rx), verdict, pattern))
per, patterns, out = collections.OrderedDict(), collections.Counter(), []
for row in csv.DictReader(open(run + '/diagnostics.tsv', encoding='utf-8'), delimiter='\t'):
    key = f"{row['file']}:{row['line']} {row['message']}"
    verdict, pattern = next(((v, p) for r, rx, v, p in labels if r == row['rule'] and rx.search(key)), ('?', ''))
    per.setdefault(row['rule'], collections.Counter())[verdict] += 1
    if pattern:
        patterns[(row['rule'], verdict, pattern)] += 1
    out.append([row['rule'], row['file'], row['line'], verdict, pattern, row['message'][:200]])
with open(run + '/labelled.tsv', 'w', encoding='utf-8') as f:
    f.writelines('\t'.join(o) + '\n' for o in out)
print(run + ': ' + ', '.join(f"{r} {sum(c.values())} (true {c['T']}, false {c['F']}, debatable {c['D']}, unlabelled {c['?']})" for r, c in per.items()))
for (rule, verdict, pattern), n in sorted(patterns.items()):
    print(f'   {rule} {verdict} x{n}: {pattern}')
for o in out:
    if o[3] == '?':
        print('   UNLABELLED', o[0], o[1] + ':' + o[2], o[5][:160])

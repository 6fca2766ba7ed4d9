#!/usr/bin/env python3
# tables.py RUNDIR NAME...: the tables of docs/accuracy.md from each RUNDIR/NAME-seed and NAME-rich (collect.sh, then label.py).
import sys,re,collections,os
run=sys.argv[1]; names=sys.argv[2:]
for pol in ['seed','rich']:
    print(f"\n**{pol} policy**\n")
    rules=set(); data={}
    for n in names:
        d=f"{run}/{n}-{pol}"
        if not os.path.exists(d+'/labelled.tsv'): continue
        head=open(d+'/diagnostics.md').read().split('\n')[2]
        lines=int(re.search(r'([\d,]+) lines',head).group(1).replace(',',''))
        per=collections.defaultdict(collections.Counter)
        for l in open(d+'/labelled.tsv'):
            f=l.rstrip('\n').split('\t'); per[f[0]][f[3]]+=1; rules.add(f[0])
        data[n]=(lines,per)
    rules=sorted(rules)
    print('| Codebase | Lines | '+' | '.join(rules)+' | All (true/false/debatable) | False per 100k lines | Precision (debatable as false) |')
    print('|---|---:|'+'---:|'*len(rules)+'---:|---:|---:|')
    tl=tt=tf=td=0
    for n,(lines,per) in data.items():
        cells=[]
        for r in rules:
            c=per.get(r); cells.append(f"{sum(c.values())} ({c['T']}/{c['F']}/{c['D']})" if c else '0')
        T=sum(c['T'] for c in per.values()); F=sum(c['F'] for c in per.values()); D=sum(c['D'] for c in per.values()); U=sum(c['?'] for c in per.values())
        assert U==0,(n,pol,U)
        tl+=lines; tt+=T; tf+=F; td+=D
        prec=(f"{T/(T+F):.0%}" if T+F else 'n/a')+(f" ({T/(T+F+D):.0%})" if T+F+D else '')
        print(f"| {n} | {lines:,} | "+' | '.join(cells)+f" | {T+F+D} ({T}/{F}/{D}) | {F*100000/lines:.1f} | {prec} |")
    if data: print(f"| **all** | {tl:,} | "+' | '.join(['']*len(rules))+f" | {tt+tf+td} ({tt}/{tf}/{td}) | {tf*100000/tl:.1f} | {tt/(tt+tf):.0%} ({tt/(tt+tf+td):.0%}) |")

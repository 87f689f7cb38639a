"""Decision rules on out-of-fold probabilities of the learned coder (multi-label).

Input: the file written by
  java -cp insight-benchmarks/target/benchmarks.jar dev.insight.benchmarks.LearnedCodingEvaluation multilabel \
      --probabilities-out oof.csv
(one line per comment: its fold, then per code the people's 0/1 and the out-of-fold probability).
Each rule's parameters are chosen on the other four folds and applied to the fifth (nested), so the
figures compare rules, not thresholds tuned on the scored fold. Needs numpy.

  python3 decision_rules.py oof.csv thresholds      # global / per-code shrunk / relative-to-top thresholds
  python3 decision_rules.py oof.csv exclusive       # codes never given with another kept exclusive
  python3 decision_rules.py oof.csv stack LAMBDA    # logistic regression on every code's log-odds
"""
import sys
import numpy as np

def thresholds():
    d=np.loadtxt(sys.argv[1],delimiter=',')
    fold=d[:,0].astype(int); Y=d[:,1::2].astype(bool); P=d[:,2::2]
    n,k=P.shape
    def micro(Yt,Z):
        tp=(Yt&Z).sum(); fp=(~Yt&Z).sum(); fn=(Yt&~Z).sum(); return 2*tp/(2*tp+fp+fn)
    def decide(P,t,fallback=True,rel=None):
        Z=P>=t
        if rel is not None: Z&= P>=rel*P.max(1,keepdims=True)
        if fallback:
            none=~Z.any(1); Z[none,P[none].argmax(1)]=True
        return Z
    grid=np.linspace(0.05,0.7,66)
    def best_global(P,Y,fb=True):
        s=[micro(Y,decide(P,t,fb)) for t in grid]; return grid[int(np.argmax(s))]
    def halfbest(P,Y):
        s=[micro(Y,P>=t) for t in grid]; return max(s)/2
    print('share with >=1 code', Y.any(1).mean(), 'mean card', Y.sum(1).mean())
    for name,chooser in [('half-best global (no fb in choice)',lambda P,Y:halfbest(P,Y)),('peak global with fb',best_global)]:
        Z=np.zeros_like(Y); ts=[]
        for f in range(5):
            tr=fold!=f; t=chooser(P[tr],Y[tr]); ts.append(t); Z[~tr]=decide(P[~tr],t)
        print(name, ['%.3f'%t for t in ts], 'F1 %.4f'%micro(Y,Z))
    # per-code shrunk thresholds
    def percode(P,Y,tg,m):
        T=np.full(k,tg)
        for c in range(k):
            s=Y[:,c].sum()
            if s<3: continue
            sc=[2*(Y[:,c]&(P[:,c]>=t)).sum()/((P[:,c]>=t).sum()+s) for t in grid]
            tc=grid[int(np.argmax(sc))]
            w=s/(s+m); T[c]=w*tc+(1-w)*tg
        return T
    for m in [20,50,100,200,400]:
        Z=np.zeros_like(Y)
        for f in range(5):
            tr=fold!=f; tg=best_global(P[tr],Y[tr]); T=percode(P[tr],Y[tr],tg,m); Z[~tr]=decide(P[~tr],T)
        print('percode shrunk m=%d F1 %.4f'%(m,micro(Y,Z)))
    # relative to max
    for r in [0.2,0.3,0.4,0.5]:
        Z=np.zeros_like(Y)
        for f in range(5):
            tr=fold!=f
            s=[micro(Y[tr],decide(P[tr],t,True,r)) for t in grid]; t=grid[int(np.argmax(s))]
            Z[~tr]=decide(P[~tr],t,True,r)
        print('rel %.1f F1 %.4f'%(r,micro(Y,Z)))
    # cooccurrence: codes never with others
    single=[(c,Y[:,c].sum(),(Y[Y[:,c]].sum(1)>1).mean() if Y[:,c].sum() else 0) for c in range(k)]
    print('exclusive-ish:', [(c,int(s),round(x,3)) for c,s,x in single if s>20 and x<0.05])


def exclusive():
    d=np.loadtxt(sys.argv[1],delimiter=',')
    fold=d[:,0].astype(int); Y=d[:,1::2].astype(bool); P=d[:,2::2]
    n,k=P.shape
    def micro(Yt,Z):
        tp=(Yt&Z).sum(); fp=(~Yt&Z).sum(); fn=(Yt&~Z).sum(); return 2*tp/(2*tp+fp+fn)
    def decide(P,t,E=None):
        Z=P>=t; top=P.argmax(1); Z[np.arange(len(P)),top]=True
        if E is not None:
            topE=np.isin(top,E)
            Z[topE]=False; Z[np.arange(len(P))[topE],top[topE]]=True
            Z[np.ix_(~topE,E)]=False
        return Z
    grid=np.linspace(0.05,0.7,66)
    for useE in [False,True]:
        Z=np.zeros_like(Y)
        for f in range(5):
            tr=fold!=f; Yt=Y[tr]
            E=None
            if useE:
                E=np.array([c for c in range(k) if Yt[:,c].sum()>=20 and (Yt[Yt[:,c]].sum(1)>1).mean()<0.01])
            s=[micro(Yt,decide(P[tr],t,E)) for t in grid]; t=grid[int(np.argmax(s))]
            Z[~tr]=decide(P[~tr],t,E)
        print('exclusive' if useE else 'plain', 'F1 %.4f'%micro(Y,Z), E)


def stack():
    d=np.loadtxt(sys.argv[1],delimiter=',')
    fold=d[:,0].astype(int); Y=d[:,1::2].astype(bool); P=d[:,2::2]
    n,k=P.shape
    def micro(Yt,Z):
        tp=(Yt&Z).sum(); fp=(~Yt&Z).sum(); fn=(Yt&~Z).sum(); return 2*tp/(2*tp+fp+fn)
    def decide(P,t):
        Z=P>=t; none=~Z.any(1); Z[none,P[none].argmax(1)]=True; return Z
    grid=np.linspace(0.05,0.7,66)
    def best_global(P,Y):
        s=[micro(Y,decide(P,t)) for t in grid]; return grid[int(np.argmax(s))]
    L=np.log(np.clip(P,1e-6,1-1e-6)/(1-np.clip(P,1e-6,1-1e-6)))
    def logreg(X,y,lam,own):
        X1=np.hstack([X,np.ones((len(X),1))]); w=np.zeros(X1.shape[1]); w[own]=1.0
        reg=np.full(X1.shape[1],lam); reg[-1]=0; reg[own]=lam*0.01
        for it in range(30):
            z=X1@w; p=1/(1+np.exp(-z)); g=X1.T@(p-y)+reg*w; H=(X1*(p*(1-p))[:,None]).T@X1+np.diag(reg+1e-9)
            step=np.linalg.solve(H,g); w-=step
            if np.abs(step).max()<1e-6: break
        return w
    lam=float(sys.argv[3]) if len(sys.argv)>3 else 1.0
    minsup=int(sys.argv[4]) if len(sys.argv)>4 else 30
    Q=P.copy()
    for f in range(5):
        tr=fold!=f
        for c in range(k):
            if Y[tr,c].sum()<minsup: continue
            w=logreg(L[tr],Y[tr,c].astype(float),lam,c)
            z=np.hstack([L[~tr],np.ones(((~tr).sum(),1))])@w; Q[~tr,c]=1/(1+np.exp(-z))
    Z=np.zeros_like(Y); Z0=np.zeros_like(Y)
    for f in range(5):
        tr=fold!=f; Z[~tr]=decide(Q[~tr],best_global(Q[tr],Y[tr])); Z0[~tr]=decide(P[~tr],best_global(P[tr],Y[tr]))
    print('lam',lam,'minsup',minsup,'base %.4f stacked %.4f'%(micro(Y,Z0),micro(Y,Z)))


{"thresholds": thresholds, "exclusive": exclusive, "stack": stack}[sys.argv[2]]()

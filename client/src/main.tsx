import './styles/tokens.css';
import './styles/base.css';
import './components/components.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { keepAppOnDevice, reloadIntoNewRelease } from './offline/keepOnDevice';
import { parseRoute } from './route';
// The phone's screen is in the first file, not loaded after it: on a slow venue link each
// further wave of files is another round trip before the check-in form can be used (the
// other live screens need its connection code anyway).
import JoinScreen from './screens/join/JoinScreen';

const HomeScreen = lazy(() => import('./screens/home/HomeScreen'));
const ChairScreen = lazy(() => import('./screens/chair/ChairScreen'));
const ProjectorScreen = lazy(() => import('./screens/screen/ProjectorScreen'));
const AdminScreen = lazy(() => import('./screens/admin/AdminScreen'));
const DoorScreen = lazy(() => import('./screens/door/DoorScreen'));
const TicketScreen = lazy(() => import('./screens/ticket/TicketScreen'));
const RecordScreen = lazy(() => import('./screens/record/RecordScreen'));
const PrintScreen = lazy(() => import('./screens/print/PrintScreen'));
const ExportsScreen = lazy(() => import('./screens/exports/ExportsScreen'));
const EvaluationScreen = lazy(() => import('./screens/evaluation/EvaluationScreen'));

function App() {
  const route = parseRoute(location.pathname, location.hash);
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'chair':
      return <ChairScreen code={route.code} staffKey={route.key} />;
    case 'screen':
      return <ProjectorScreen code={route.code} />;
    case 'admin':
      return <AdminScreen code={route.code} staffKey={route.key} />;
    case 'door':
      return <DoorScreen code={route.code} staffKey={route.key} />;
    case 'join':
      return <JoinScreen code={route.code} />;
    case 'record':
      return <RecordScreen code={route.code} />;
    case 'ticket':
      return <TicketScreen token={route.token} />;
    case 'exports':
      return <ExportsScreen code={route.code} staffKey={route.key} />;
    case 'evaluation':
      return <EvaluationScreen code={route.code} staffKey={route.key} />;
    case 'print':
      return <PrintScreen code={route.code} staffKey={route.key} sheet={route.sheet} />;
    case 'notFound':
      return (
        <main className="page narrow">
          <h1>Page not found</h1>
          <p>
            Check the link, or go to the <a href="/">home page</a>.
          </p>
        </main>
      );
    default:
      return route satisfies never;
  }
}

// Every route's code stays on the device from its first visit. A phone on the join page asks
// for it once it has checked in (JoinScreen): before, its share of the venue's wifi goes to
// the check-in form alone.
reloadIntoNewRelease();
if (parseRoute(location.pathname, location.hash).screen !== 'join') {
  window.addEventListener('load', keepAppOnDevice, { once: true });
}

// The key in the fragment never reaches the server's logs; a changed fragment is a new role.
window.addEventListener('hashchange', () => location.reload());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <Suspense fallback={<p className="boot">Loading…</p>}>
        <App />
      </Suspense>
    </ErrorBoundary>
  </StrictMode>,
);

import { render } from 'preact';
import { App } from './App';
import '../../components/ui.css';

document.documentElement.lang = navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
render(<App />, document.getElementById('app') as HTMLElement);
